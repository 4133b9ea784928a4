import "./zod-setup";
import { z } from "zod";
import { isIanaTimeZone } from "@/lib/domain/time-zone";
import { code, requiredLine } from "./common";

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isIanaTimeZone, "Use an IANA time zone such as America/Chicago or Europe/Berlin.");

export const createSiteSchema = z.object({
  code: code("Site code").transform((s) => s.toUpperCase()),
  name: requiredLine(120, "Name"),
  timeZone: timeZoneSchema,
});
export type CreateSiteInput = z.input<typeof createSiteSchema>;

export const createAreaSchema = z.object({
  code: code("Area code").transform((s) => s.toUpperCase()),
  name: requiredLine(120, "Name"),
});
export type CreateAreaInput = z.input<typeof createAreaSchema>;

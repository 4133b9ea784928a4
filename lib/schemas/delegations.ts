import "./zod-setup";
import { z } from "zod";
import { DELEGABLE_ROLES } from "@/lib/domain/delegation/rules";
import { emailSchema } from "./auth";
import { code, line } from "./common";

const day = (label: string) =>
  z
    .string({ message: `Enter the ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date (YYYY-MM-DD).`)
    .describe(`The ${label}, a whole day in site time (YYYY-MM-DD, inclusive)`);

/** Lending one's signing authority for one role at one site to a colleague, for whole days. */
export const createDelegationSchema = z.object({
  delegateEmail: emailSchema,
  siteCode: code("Site"),
  role: z.enum(DELEGABLE_ROLES, {
    message: "Choose a signing role: operations, safety, security, change manager or quality.",
  }),
  startDate: day("first day"),
  endDate: day("last day"),
  reason: line(300, "The reason").default(""),
});
export type CreateDelegationInput = z.input<typeof createDelegationSchema>;

export const revokeDelegationSchema = z.object({
  reason: line(300, "The reason").default(""),
});

export const delegationListSchema = z.object({
  state: z.enum(["current", "past", "all"]).default("current"),
});

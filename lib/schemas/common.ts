import "./zod-setup";
import { z } from "zod";

/** Printable text without control characters (tabs and newlines allowed in long text). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const line = (max: number, label = "This field") =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (s) => !CONTROL.test(s) && !/[\r\n]/.test(s),
      `${label} must not contain control characters or line breaks.`,
    );

export const requiredLine = (max: number, label: string) =>
  line(max, label).pipe(z.string().min(1, `${label} is required.`));

export const text = (max: number, label = "This field") =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((s) => !CONTROL.test(s), `${label} must not contain control characters.`);

export const code = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(32, `${label} must be at most 32 characters.`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, `${label} may contain letters, digits, - and _ only.`);

export const uuid = z.uuid({ message: "Must be a valid id." });

export const paginationSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

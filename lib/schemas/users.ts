import { z } from "zod";
import { SITE_ROLES } from "@/lib/domain/constants";
import { emailSchema, passwordSchema } from "./auth";
import { code, requiredLine } from "./common";

export const grantSchema = z.object({
  siteCode: code("Site code").transform((s) => s.toUpperCase()),
  role: z.enum(SITE_ROLES, { message: `Role must be one of ${SITE_ROLES.join(", ")}.` }),
});

export const createUserSchema = z.object({
  email: emailSchema,
  name: requiredLine(120, "Name"),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
  grants: z.array(grantSchema).max(100).default([]),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });

/** "SITE:ROLE" as typed on the command line. */
export function parseGrant(value: string) {
  const [siteCode, role] = value.split(":");
  return grantSchema.safeParse({ siteCode: siteCode ?? "", role: role ?? "" });
}

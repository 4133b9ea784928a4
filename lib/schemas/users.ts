import "./zod-setup";
import { z } from "zod";
import { SITE_ROLES } from "@/lib/domain/constants";
import { emailSchema, passwordSchema } from "./auth";
import { code, line, requiredLine } from "./common";

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

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "Password is too long."),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const USER_STATUSES = ["active", "disabled", "locked"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const userListQuerySchema = z.object({
  q: line(200, "Search text").optional(),
  status: z
    .enum([...USER_STATUSES, "admin"], { message: "Status must be active, disabled, locked or admin." })
    .optional(),
  sort: z.enum(["email", "name", "created"], { message: "Sort by email, name or created." }).default("email"),
  dir: z.enum(["asc", "desc"], { message: "Direction must be asc or desc." }).default("asc"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;

import { z } from "zod";
import { grantSchema } from "./users";

/** "Who has VALUE in claim CLAIM gets ROLE at SITE": one row of the IdP role mapping. */
export const roleMappingSchema = grantSchema.extend({
  claim: z
    .string({ message: "Name the claim, e.g. groups." })
    .trim()
    .min(1, "Name the claim, e.g. groups.")
    .max(100, "The claim name is too long.")
    .regex(/^[A-Za-z0-9_:./-]+$/, "A claim name has letters, digits and _ : . / - only.")
    .default("groups"),
  value: z
    .string({ message: "Give the claim value, e.g. the group name." })
    .trim()
    .min(1, "Give the claim value, e.g. the group name.")
    .max(300, "The value is too long."),
});
export type RoleMappingInput = z.input<typeof roleMappingSchema>;

export const heldRoleDecisionSchema = z.object({
  decision: z.enum(["approved", "declined"], { message: "Approve or decline." }),
});

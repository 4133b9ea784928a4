import "./zod-setup";
import { z } from "zod";
import { emailSchema } from "./auth";
import { requiredLine } from "./common";
import { TOKEN_SCOPES, normaliseScopes } from "@/lib/domain/token-scopes";

export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export const createTokenSchema = z.object({
  name: requiredLine(80, "Name"),
  // A number, or digits as a form field or command-line flag sends them; not true, [] or "1e3".
  days: z
    .union(
      [
        z.number({ message: "Days must be a number." }),
        z
          .string()
          .trim()
          .regex(/^\d{1,4}$/, "Days must be a whole number.")
          .transform(Number),
      ],
      {
        message: "Days must be a whole number.",
      },
    )
    .pipe(
      z
        .number()
        .int("Days must be a whole number.")
        .min(1, "A token must last at least 1 day.")
        .max(TOKEN_MAX_DAYS, `A token may last at most ${TOKEN_MAX_DAYS} days.`),
    )
    .default(TOKEN_DEFAULT_DAYS),
  // A list, or one string as a form field or command-line flag sends it ("read,write" or "read write").
  scopes: z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
      z
        .array(z.enum(TOKEN_SCOPES, { message: `A scope is one of ${TOKEN_SCOPES.join(", ")}.` }), {
          message: `Scopes are a list of ${TOKEN_SCOPES.join(", ")}.`,
        })
        .min(1, "Choose at least one scope."),
    )
    .transform(normaliseScopes)
    .default(["read", "write"]),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

/** An administrator or the command line minting a token on behalf of a named user. */
export const mintTokenSchema = createTokenSchema.extend({ email: emailSchema });
export type MintTokenInput = z.input<typeof mintTokenSchema>;

export const tokenIdSchema = z.uuid({ message: "Token id must be a valid id." });

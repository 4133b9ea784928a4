import "./zod-setup";
import { z } from "zod";
import { requiredLine } from "./common";

const SHA256 = /^[0-9a-f]{64}$/i;
// Stored in lower case, as sha256sum prints it; vendors often publish upper case.
const sha256 = (label: string) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .regex(SHA256, `${label} must be 64 hexadecimal digits.`)
    .transform((s) => s.toLowerCase());

/** CIP-010 R1.6: what the implementer checked before reporting a patch or firmware change installed. */
export const integrityCheckSchema = z.discriminatedUnion(
  "method",
  [
    z.object({
      method: z.literal("sha256"),
      fileName: requiredLine(300, "File name"),
      computedSha256: sha256("The computed SHA-256"),
      publishedSha256: sha256("The vendor's published SHA-256"),
    }),
    z.object({
      method: z.literal("signature"),
      fileName: requiredLine(300, "File name"),
      signatureValid: z.boolean({ message: "Record whether the vendor signature verified." }),
      signatureDetail: requiredLine(500, "Signature check"),
    }),
  ],
  { message: "Record the integrity check as a SHA-256 comparison or a vendor signature check." },
);
export type IntegrityCheckInput = z.input<typeof integrityCheckSchema>;

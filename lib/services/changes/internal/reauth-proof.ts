import "server-only";
import type { users } from "@/db/schema";

/**
 * The provider's word that the signer just authenticated (a validated ID token with the signer's
 * subject and a fresh auth_time). Only the re-authentication service makes one, after checking;
 * signChange takes it in place of the password.
 */
export class ReauthProof {
  constructor(
    readonly signer: typeof users.$inferSelect,
    readonly authTime: Date,
  ) {}
}

import "server-only";
import { getDb } from "@/db/client";
import { verifyAuditChain, type VerifyResult } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { hasPermissionAnywhere } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/services/base/errors";

/**
 * The chain spans every site, so checking it is for administrators (who run the system) and
 * auditors (whose job it is); the answer reveals counts only, never event contents.
 */
export async function verifyAudit(actor: Actor): Promise<VerifyResult> {
  if (!hasPermissionAnywhere(actor, "audit.verify"))
    throw forbidden("Only administrators and auditors may verify the audit trail.");
  return verifyAuditChain(await getDb());
}

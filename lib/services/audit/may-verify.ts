import type { Actor } from "@/lib/auth/actor";
import { hasPermissionAnywhere } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/services/base/errors";

/**
 * The chain and its checkpoints span every site, so checking and sealing them is for
 * administrators (who run the system) and auditors (whose job it is): the audit.verify permission.
 */
export function requireTrailIntegrityRole(actor: Actor): void {
  if (!hasPermissionAnywhere(actor, "audit.verify"))
    throw forbidden("Only administrators and auditors may verify or seal the audit trail.");
}

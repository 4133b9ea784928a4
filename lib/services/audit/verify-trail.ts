import "server-only";
import { getDb } from "@/db/client";
import { verifyAuditChain, type VerifyResult } from "@/lib/audit/verify";
import type { Actor } from "@/lib/auth/actor";
import { requireAuditScope } from "./conditions";

/**
 * Walks the whole hash chain for a reader of the trail. The chain is global (one sequence for all
 * sites), so the answer is too: it discloses only how many events exist and where a break is.
 */
export async function verifyTrail(actor: Actor): Promise<VerifyResult> {
  requireAuditScope(actor, "audit.view");
  return verifyAuditChain(await getDb());
}

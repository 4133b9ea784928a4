import "server-only";
import { getDb } from "@/db/client";
import { sealChainHead, type CheckpointRow } from "@/lib/audit/checkpoint";
import type { Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/base/errors";
import { requireTrailIntegrityRole } from "./may-verify";

/**
 * Seals the chain head now (on demand, besides the hourly run). Sealing adds protection and changes
 * no record, so auditors may do it as well as administrators.
 */
export async function createCheckpoint(actor: Actor): Promise<CheckpointRow> {
  requireTrailIntegrityRole(actor);
  const row = await sealChainHead(await getDb(), { reason: "on demand", actorEmail: actor.email });
  if (!row)
    throw new ServiceError(
      "conflict",
      "No checkpoint was written: the trail is empty or no checkpoint key is configured (INTERLOCK_AUDIT_KEY).",
    );
  return row;
}

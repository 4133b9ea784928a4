import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditCheckpoints } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { CheckpointView } from "@/lib/types/audit";
import { requireTrailIntegrityRole } from "./may-verify";

/**
 * Every checkpoint, newest first — the export auditors keep elsewhere: if the trail is later
 * rewritten and its checkpoints removed, an old copy still names the hash each event had.
 */
export async function listCheckpoints(actor: Actor, limit?: number): Promise<CheckpointView[]> {
  requireTrailIntegrityRole(actor);
  const db = await getDb();
  const q = db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id));
  const rows = limit ? await q.limit(limit) : await q;
  return rows.map((c) => ({ ...c, at: c.at.toISOString() }));
}

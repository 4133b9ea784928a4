import "server-only";
import { and, gte, inArray, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { auditPeriodSchema, type AuditPeriodInput } from "@/lib/schemas/audit";
import { scopeFor } from "@/lib/services/authorize";
import { visibleTo } from "./scope";
import { requireTrailIntegrityRole } from "./may-verify";
import type { VerifyReport } from "@/lib/types/audit";
import { fetchEvents, toViews } from "./view";

export type { VerifyReport };

/**
 * Verifies the whole trail, or the events of a period, with its checkpoints. Administrators and
 * auditors only; neighbours of a break outside the reader's sites are named by id alone.
 */
export async function verifyAudit(actor: Actor, input: AuditPeriodInput = {}): Promise<VerifyReport> {
  requireTrailIntegrityRole(actor);
  const { from, to } = auditPeriodSchema.parse(input);
  const db = await getDb();
  const result = await verifyAuditChain(db, { from, to });
  const period = { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
  if (!result.broken) return { ...result, period, neighbours: [] };
  const id = result.broken.eventId;
  const ids = [id - 1, id, id + 1].filter((n) => n > 0);
  const scope = scopeFor(actor, "audit.view");
  const near = and(gte(auditEvents.id, id - 1), lte(auditEvents.id, id + 1), inArray(auditEvents.id, ids))!;
  const rows = scope.length ? await fetchEvents(db, and(near, visibleTo(actor, scope))!, { limit: 3 }) : [];
  const views = new Map((await toViews(db, rows)).map((v) => [v.id, v]));
  return { ...result, period, neighbours: ids.map((n) => ({ id: n, event: views.get(n) ?? null })) };
}

import "server-only";
import { and, desc, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";

export interface UnknownAccountFailure {
  id: number;
  at: Date;
  email: string | null;
  ip: string | null;
  refused: boolean;
  reason: string | null;
}

/**
 * Failed and refused sign-ins for emails that match no account: nothing ties them to a site, so
 * no auditor sees them; administrators do (guessing at account names is their concern).
 */
export async function listUnknownAccountFailures(actor: Actor, limit = 50): Promise<UnknownAccountFailure[]> {
  requireAdmin(actor, "user.manage");
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.action, ["auth.login_failed", "auth.login_refused"]),
        isNull(auditEvents.actorId),
        isNull(auditEvents.siteId),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    email: r.actorEmail,
    ip: r.ip,
    refused: r.action === "auth.login_refused",
    reason: r.reason,
  }));
}

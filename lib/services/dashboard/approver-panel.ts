import "server-only";
import { currentTime } from "@/lib/clock";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes, signoffs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { canViewChange } from "@/lib/services/changes/internal/access";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import type { ApproverPanel } from "@/lib/types/dashboard";
import { siteInfo } from "./internal/dashboard-change";

const APPROVER_ROLES = new Set(["operations", "safety", "security", "quality", "change_manager"]);

/** What waits for my signature (how many, the oldest) and what I signed lately. */
export async function approverPanel(actor: Actor, now = currentTime()): Promise<ApproverPanel | null> {
  if (!actor.userId || !actor.grants.some((g) => APPROVER_ROLES.has(g.role))) return null;
  const items = await approvalsInbox(actor, now);
  const oldest = [...items].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince))[0] ?? null;
  const db = await getDb();
  const mine = await db
    .select({
      s: signoffs,
      c: { id: changes.id, number: changes.number, title: changes.title, siteIds: changes.siteIds },
    })
    .from(signoffs)
    .innerJoin(changes, eq(changes.id, signoffs.changeId))
    .where(eq(signoffs.signerId, actor.userId))
    .orderBy(desc(signoffs.signedAt))
    .limit(8);
  const visible = mine.filter((m) => canViewChange(actor, m.c.siteIds));
  const info = await siteInfo(db, [
    ...visible.flatMap((m) => m.c.siteIds),
    ...actor.grants.map((g) => g.siteId),
  ]);
  const zoneOfCode = new Map([...info.values()].map((s) => [s.code, s.timeZone]));
  return {
    waiting: items.length,
    oldest,
    oldestZone: zoneOfCode.get(oldest?.siteCodes[0] ?? "") ?? "UTC",
    items: items.slice(0, 8),
    recentlySigned: visible.map((m) => ({
      changeId: m.c.id,
      number: m.c.number,
      title: m.c.title,
      role: m.s.role,
      decision: m.s.decision,
      signedAt: isoUtc(m.s.signedAt),
      timeZone: info.get(m.c.siteIds[0] ?? "")?.timeZone ?? "UTC",
    })),
  };
}

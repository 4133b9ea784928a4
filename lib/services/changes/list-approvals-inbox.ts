import "server-only";
import { currentTime } from "@/lib/clock";
import { and, arrayContained, arrayOverlaps, asc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes, signoffSlots, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc, retrospectiveDueAt, viewerGrantKeys } from "@/lib/domain/changes";
import { visibleSiteIds } from "./internal/access";
import { fillMissingSignoffSlots } from "./internal/signoff-slots";
import type { InboxItem } from "@/lib/types/changes";

/** An inbox longer than this is a backlog for a report, not a list to work through. */
export const INBOX_LIMIT = 1000;

/** Since when the change waits: submission, implementation (PSSR) or approval (retrospective). */
const waitingSince = sql<Date>`case
  when ${changes.state} = 'submitted' then coalesce(${changes.submittedAt}, ${changes.createdAt})
  when ${changes.state} in ('implemented', 'pssr_pending') then coalesce(${changes.actualEnd}, ${changes.updatedAt})
  else coalesce(${changes.approvedAt}, ${changes.updatedAt}) end`;

/**
 * Changes awaiting THIS user's signature at their sites, oldest first: submitted changes, the
 * retrospective sign-offs of emergency changes (with their due time, overdue flagged) and
 * PSSRs owed after implementation. One query over signoff_slots, which holds what canSign would
 * let someone give on each change (kept in the changing transaction, lib/domain/changes/slots.ts):
 * a slot is the user's when they hold one of its grants and are not among those it refuses, so
 * the inbox never offers a sign-off that separation of duties would refuse.
 */
export async function approvalsInbox(actor: Actor, now = currentTime()): Promise<InboxItem[]> {
  if (!actor.userId) return [];
  const me = actor.userId;
  const visible = visibleSiteIds(actor);
  const keys = viewerGrantKeys(actor);
  if (visible.length === 0 || keys.length === 0) return [];
  const db = await getDb();
  await fillMissingSignoffSlots(db);
  const rows = await db
    .select({
      id: changes.id,
      number: changes.number,
      title: changes.title,
      state: changes.state,
      class: changes.class,
      risk: changes.risk,
      siteIds: changes.siteIds,
      codes: sql<
        Record<string, string>
      >`(select json_object_agg(${sites.id}, ${sites.code}) from ${sites} where ${sites.id} = any(${changes.siteIds}))`,
      requesterName: users.name,
      plannedStart: changes.plannedStart,
      plannedEnd: changes.plannedEnd,
      waitingSince: sql<Date>`${waitingSince}`.mapWith(changes.createdAt),
      role: signoffSlots.role,
      siteId: signoffSlots.siteId,
      grantKeys: signoffSlots.grantKeys,
      retrospective: signoffSlots.retrospective,
      approvedAt: changes.approvedAt,
    })
    .from(signoffSlots)
    .innerJoin(changes, eq(changes.id, signoffSlots.changeId))
    .leftJoin(users, eq(users.id, changes.requesterId))
    .where(
      and(
        arrayOverlaps(signoffSlots.grantKeys, keys),
        sql`not (${me}::uuid = any(${signoffSlots.blockedIds}))`,
        ne(changes.requesterId, me),
        // Every site of the change visible: seeing one site of a multi-site change is not enough.
        sql`${changes.siteIds} <> '{}'::uuid[]`,
        arrayContained(changes.siteIds, visible),
      ),
    )
    .orderBy(asc(waitingSince), asc(changes.id), asc(signoffSlots.ordinal));

  const mine = new Set(keys);
  const items: InboxItem[] = [];
  let last: InboxItem | undefined;
  for (const r of rows) {
    if (last?.id !== r.id) {
      if (items.length === INBOX_LIMIT) break;
      last = {
        id: r.id,
        number: r.number,
        title: r.title,
        state: r.state,
        class: r.class,
        risk: r.risk,
        siteCodes: r.siteIds.map((id) => r.codes[id] ?? "?"),
        requesterName: r.requesterName ?? "",
        plannedStart: r.plannedStart ? isoUtc(r.plannedStart) : null,
        plannedEnd: r.plannedEnd ? isoUtc(r.plannedEnd) : null,
        waitingSince: isoUtc(r.waitingSince),
        roles: [],
        dueAt: null,
        overdue: false,
      };
      items.push(last);
    }
    // The site named is the first of the slot's sites (by code) where the user holds the grant.
    const key = r.grantKeys.find((k) => mine.has(k))!;
    const siteId = r.siteId ?? key.slice(key.indexOf(":") + 1);
    last.roles.push({ role: r.role, siteCode: r.codes[siteId] ?? null, retrospective: r.retrospective });
    const due = r.retrospective ? retrospectiveDueAt(r) : null;
    if (due) {
      last.dueAt = isoUtc(due);
      last.overdue = now.getTime() > due.getTime();
    }
  }
  return items;
}

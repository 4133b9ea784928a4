import "server-only";
import { currentTime } from "@/lib/clock";
import { and, arrayContained, arrayOverlaps, asc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes, signoffSlots, sites, users } from "@/db/schema";
import type { Actor, ActorGrant } from "@/lib/auth/actor";
import { grantKey, isoUtc, retrospectiveDueAt, viewerGrantKeys } from "@/lib/domain/changes";
import { conflictingRoles, type DelegableRole } from "@/lib/domain/delegation/rules";
import { visibleSiteIds } from "./internal/access";
import { fillMissingSignoffSlots } from "./internal/signoff-slots";
import type { InboxItem } from "@/lib/types/changes";

/** An inbox longer than this is a backlog for a report, not a list to work through. */
const INBOX_LIMIT = 1000;

/** Since when the change waits: submission, implementation (PSSR) or approval (retrospective). */
const waitingSince = sql<Date>`case
  when ${changes.state} = 'submitted' then coalesce(${changes.submittedAt}, ${changes.createdAt})
  when ${changes.state} in ('implemented', 'pssr_pending') then coalesce(${changes.actualEnd}, ${changes.updatedAt})
  else coalesce(${changes.approvedAt}, ${changes.updatedAt}) end`;

/**
 * Which of the roles lent to the user lets them give a slot (its index in `lent`), when no role
 * of their own does: the slot takes a holder of the lent grant, the approver who lent it is not
 * among those the slot refuses (they requested, edited or implement the change, or their
 * authority gave a conflicting sign-off), and the user holds no role of their own that
 * conflicts with it at a site of the change (lib/domain/delegation/signing, onBehalfRefusal).
 * Lent roles come from the delegations in force as the request is served (lib/auth/resolve), so
 * the slots store roles and never need refreshing when a delegation starts, ends or is revoked.
 */
function onBehalfMatch(
  ownMatch: SQL,
  own: readonly ActorGrant[],
  lent: readonly ActorGrant[],
): SQL<number | null> {
  if (lent.length === 0) return sql<number | null>`null::int`;
  const cases = lent.map((g, i) => {
    const conflicts = own
      .filter((o) => conflictingRoles(g.role as DelegableRole).includes(o.role))
      .map((o) => sql`${o.siteId}::uuid`);
    const conflictFree = conflicts.length
      ? sql`and not (${changes.siteIds} && array[${sql.join(conflicts, sql`, `)}])`
      : sql``;
    return sql`when ${signoffSlots.grantKeys} @> array[${grantKey(g.role, g.siteId)}]::text[]
      and not (${g.delegation!.delegatorId}::uuid = any(${signoffSlots.blockedIds})) ${conflictFree} then ${i}::int`;
  });
  return sql<number | null>`(case when ${ownMatch} then null ${sql.join(cases, sql` `)} end)`;
}

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
  const ownGrants = actor.grants.filter((g) => !g.delegation);
  const lent = actor.grants.filter((g) => g.delegation && g.delegation.endsAt > now);
  const ownKeys = viewerGrantKeys({ grants: ownGrants });
  const keys = [...ownKeys, ...viewerGrantKeys({ grants: lent })];
  if (visible.length === 0 || keys.length === 0) return [];
  const ownMatch = ownKeys.length ? arrayOverlaps(signoffSlots.grantKeys, ownKeys) : sql`false`;
  const via = onBehalfMatch(ownMatch, ownGrants, lent);
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
      requesterName: users.name,
      plannedStart: changes.plannedStart,
      plannedEnd: changes.plannedEnd,
      waitingSince: sql<Date>`${waitingSince}`.mapWith(changes.createdAt),
      role: signoffSlots.role,
      siteId: signoffSlots.siteId,
      grantKeys: signoffSlots.grantKeys,
      retrospective: signoffSlots.retrospective,
      approvedAt: changes.approvedAt,
      via,
    })
    .from(signoffSlots)
    .innerJoin(changes, eq(changes.id, signoffSlots.changeId))
    .leftJoin(users, eq(users.id, changes.requesterId))
    .where(
      and(
        arrayOverlaps(signoffSlots.grantKeys, keys),
        or(ownMatch, sql`${via} is not null`),
        sql`not (${me}::uuid = any(${signoffSlots.blockedIds}))`,
        ne(changes.requesterId, me),
        // Every site of the change visible: seeing one site of a multi-site change is not enough.
        sql`${changes.siteIds} <> '{}'::uuid[]`,
        arrayContained(changes.siteIds, visible),
      ),
    )
    .orderBy(asc(waitingSince), asc(changes.id), asc(signoffSlots.ordinal));

  // The site codes in one look-up of the visible sites (every site of a listed change is one), not
  // a subquery per row: with 1,000 waiting that subquery was most of the statement's time
  // (EXPLAIN ANALYZE, bench/README.md).
  const siteRows = rows.length
    ? await db.select({ id: sites.id, code: sites.code }).from(sites).where(inArray(sites.id, visible))
    : [];
  const codes = new Map(siteRows.map((s) => [s.id, s.code]));
  const mine = new Set(ownKeys);
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
        siteCodes: r.siteIds.map((id) => codes.get(id) ?? "?"),
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
    // The site named is the first of the slot's sites (by code) where the user holds the grant
    // (their own, or the one lent to them when they sign on someone's behalf).
    const lentBy = r.via === null ? null : lent[r.via]!;
    const key = lentBy ? grantKey(lentBy.role, lentBy.siteId) : r.grantKeys.find((k) => mine.has(k))!;
    const siteId = r.siteId ?? key.slice(key.indexOf(":") + 1);
    last.roles.push({
      role: r.role,
      siteCode: codes.get(siteId) ?? null,
      retrospective: r.retrospective,
      onBehalfOfName: lentBy?.delegation?.delegatorName ?? null,
    });
    const due = r.retrospective ? retrospectiveDueAt(r) : null;
    if (due) {
      last.dueAt = isoUtc(due);
      last.overdue = now.getTime() > due.getTime();
    }
  }
  return items;
}

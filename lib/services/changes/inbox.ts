import "server-only";
import { currentTime } from "@/lib/clock";
import { and, arrayOverlaps, asc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes, signoffs, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import {
  OWING_STATES,
  POLICY_RULES,
  SIGNOFF_GRANT_ROLE,
  isoUtc,
  retrospectiveDueAt,
  type RequiredSignoff,
} from "@/lib/domain/changes";
import type { SiteRole } from "@/lib/domain/constants";
import { signOptions } from "./internal/available-actions";
import { visibleSiteIds } from "./internal/access";
import { loadContexts, type ChangeContext } from "./internal/load";
import { visibleTo } from "./internal/list-queries";
import type { InboxItem } from "@/lib/types/changes";

const SIGNING_ROLES: readonly SiteRole[] = [...new Set(Object.values(SIGNOFF_GRANT_ROLE))];
/** Grants behind the sign-offs an emergency change may collect after its start (rule 7). */
const RETROSPECTIVE_GRANTS: readonly SiteRole[] = [
  ...new Set(POLICY_RULES.filter((r) => r.emergencyRetrospective).map((r) => SIGNOFF_GRANT_ROLE[r.role])),
];
const PSSR_STATES = ["implemented", "pssr_pending"] as const;
/** An inbox longer than this is a backlog for a report, not a list to work through. */
export const INBOX_LIMIT = 1000;

function waitingSince(ctx: ChangeContext): Date {
  const r = ctx.row;
  if (r.state === "submitted") return r.submittedAt ?? r.createdAt;
  if (r.state === "implemented" || r.state === "pssr_pending") return r.actualEnd ?? r.updatedAt;
  return r.approvedAt ?? r.updatedAt;
}

function isRetrospective(ctx: ChangeContext, role: string, siteId: string | null): boolean {
  return ctx.required.some(
    (q: RequiredSignoff) =>
      q.role === role && q.retrospectiveAllowed && (q.siteId === null || q.siteId === siteId),
  );
}

/**
 * Changes awaiting THIS user's signature at their sites, oldest first: submitted changes, the
 * retrospective sign-offs of emergency changes (with their due time, overdue flagged) and
 * PSSRs owed after implementation. What the user may sign is decided by canSign, so the inbox
 * never offers a sign-off that separation of duties would refuse.
 */
export async function approvalsInbox(actor: Actor, now = currentTime()): Promise<InboxItem[]> {
  if (!actor.userId) return [];
  const me = actor.userId;
  const visible = visibleSiteIds(actor);
  const sitesWith = (roles: readonly SiteRole[]) => [
    ...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.siteId)),
  ];
  // Each kind of waiting sign-off only for the sites where this user holds a role that gives it,
  // so that the candidate list stays short and never crowds out what the user can sign.
  const branches: SQL[] = [];
  const anySigner = sitesWith(SIGNING_ROLES);
  const retrospective = sitesWith(RETROSPECTIVE_GRANTS);
  const pssr = sitesWith([SIGNOFF_GRANT_ROLE.pssr]);
  const alreadySigned = sql`exists (select 1 from ${signoffs} where ${signoffs.changeId} = ${changes.id} and ${signoffs.signerId} = ${me} and ${signoffs.round} = ${changes.approvalRound} and ${isNull(signoffs.supersededAt)})`;
  if (anySigner.length)
    branches.push(
      and(
        eq(changes.state, "submitted"),
        arrayOverlaps(changes.siteIds, anySigner),
        sql`not ${alreadySigned}`,
      )!,
    );
  if (retrospective.length) {
    branches.push(
      and(
        eq(changes.class, "emergency"),
        inArray(changes.state, [...OWING_STATES]),
        arrayOverlaps(changes.siteIds, retrospective),
      )!,
    );
  }
  if (pssr.length)
    branches.push(and(inArray(changes.state, [...PSSR_STATES]), arrayOverlaps(changes.siteIds, pssr))!);
  if (visible.length === 0 || branches.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select()
    .from(changes)
    .where(and(await visibleTo(db, visible), ne(changes.requesterId, me), or(...branches)))
    .orderBy(asc(sql`coalesce(${changes.submittedAt}, ${changes.createdAt})`))
    .limit(INBOX_LIMIT);
  const contexts = await loadContexts(db, rows);
  const requesterIds = [...new Set(rows.map((r) => r.requesterId))];
  const names = new Map(
    requesterIds.length
      ? (
          await db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, requesterIds))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const codes = new Map(
    (await db.select({ id: sites.id, code: sites.code }).from(sites).where(inArray(sites.id, visible))).map(
      (s) => [s.id, s.code],
    ),
  );

  const items: InboxItem[] = [];
  for (const ctx of contexts) {
    const open = signOptions(actor, ctx).filter((o) => o.available);
    if (open.length === 0) continue;
    const roles = open.map((o) => {
      const siteId = o.siteCode ? (ctx.assets.find((a) => a.siteCode === o.siteCode)?.siteId ?? null) : null;
      return {
        role: o.role,
        siteCode: o.siteCode,
        retrospective:
          ctx.row.state !== "submitted" && o.role !== "pssr" && isRetrospective(ctx, o.role, siteId),
      };
    });
    const due = roles.some((r) => r.retrospective) ? retrospectiveDueAt(ctx.facts) : null;
    const r = ctx.row;
    items.push({
      id: r.id,
      number: r.number,
      title: r.title,
      state: r.state,
      class: r.class,
      risk: r.risk,
      siteCodes: r.siteIds.map((id) => codes.get(id) ?? "?"),
      requesterName: names.get(r.requesterId) ?? "",
      plannedStart: r.plannedStart ? isoUtc(r.plannedStart) : null,
      plannedEnd: r.plannedEnd ? isoUtc(r.plannedEnd) : null,
      waitingSince: isoUtc(waitingSince(ctx)),
      roles,
      dueAt: due ? isoUtc(due) : null,
      overdue: due ? now.getTime() > due.getTime() : false,
    });
  }
  // By instant, not by text: an instant on a whole second is written without ".000".
  items.sort((a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince));
  return items;
}

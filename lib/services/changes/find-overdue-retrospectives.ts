import "server-only";
import { currentTime } from "@/lib/clock";
// Read-only: which of the listed changes owe an emergency retrospective sign-off past its due
// time, so the change list can flag them (PRODUCT.md rule 7).
import { and, arrayContained, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { OWING_STATES, evaluateSignoffs } from "@/lib/domain/changes";
import { visibleSiteIds } from "./internal/access";
import { UUID_RE } from "@/lib/services/base/match";
import { loadContexts } from "./internal/load";

export async function overdueRetrospectiveIds(
  actor: Actor,
  ids: readonly string[],
  now = currentTime(),
): Promise<Set<string>> {
  const visible = visibleSiteIds(actor);
  const wanted = [...new Set(ids.filter((id) => UUID_RE.test(id)))];
  if (visible.length === 0 || wanted.length === 0) return new Set();
  const db = await getDb();
  const rows = await db
    .select()
    .from(changes)
    .where(
      and(
        inArray(changes.id, wanted),
        arrayContained(changes.siteIds, visible),
        eq(changes.class, "emergency"),
        isNotNull(changes.approvedAt),
        inArray(changes.state, [...OWING_STATES]),
      ),
    );
  const overdue = new Set<string>();
  for (const ctx of await loadContexts(db, rows)) {
    const e = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound, {
      now,
      approvedAt: ctx.row.approvedAt,
    });
    if (e.overdueRetrospective.length > 0) overdue.add(ctx.row.id);
  }
  return overdue;
}

import "server-only";
import { and, gt, lte, or, sql } from "drizzle-orm";
import { advisories, advisorySiteReviews, sites } from "@/db/schema";
import { EVALUATION_DAYS } from "@/lib/domain/advisories/clocks";
import { ADVISORY_LEAD_DAYS, CATCH_UP_MS, advisoryRemindersDue } from "@/lib/domain/notifications/reminders";
import type { EnqueueInput } from "@/lib/jobs/queue";
import type { DueFinder } from "@/lib/jobs/scheduler";
import { reviewAdvisories } from "@/lib/services/advisories/site-clocks";

export const ADVISORY_REMINDER_JOB = "notify.advisory_reminder";

const DAY = 86_400_000;

/**
 * Advisories with a CIP-007 R2 clock that can be due (7 days ahead) or newly overdue now: the
 * import or a decision 28 to 49 days ago, or a plan target near. A day of slack each side covers
 * DST; the clock itself (siteClock, as the advisory pages read it) then decides.
 */
function inReach(now: Date) {
  const t = now.getTime();
  const from = new Date(t - EVALUATION_DAYS * DAY - CATCH_UP_MS - DAY).toISOString();
  const to = new Date(t - (EVALUATION_DAYS - ADVISORY_LEAD_DAYS) * DAY + DAY).toISOString();
  const planFrom = new Date(t - CATCH_UP_MS - DAY).toISOString();
  const planTo = new Date(t + (ADVISORY_LEAD_DAYS + 1) * DAY).toISOString();
  const r = advisorySiteReviews;
  return or(
    and(gt(advisories.importedAt, new Date(from)), lte(advisories.importedAt, new Date(to))),
    sql`exists (select 1 from ${r} where ${r.advisoryId} = ${advisories.id} and (
      (${r.decidedAt} > ${from}::timestamptz and ${r.decidedAt} <= ${to}::timestamptz) or
      (${r.planTargetDate} > ${planFrom}::timestamptz and ${r.planTargetDate} <= ${planTo}::timestamptz)))`,
  );
}

/**
 * Each site's advisory clock due in 7 days or overdue: one job per advisory, site, kind and due
 * instant (a decision or a plan moves the instant, and that gets its own reminder).
 */
export const advisoryReminders: DueFinder = async (tx, now) => {
  const rows = await tx.select().from(advisories).where(inReach(now));
  if (!rows.length) return [];
  const siteIds = (await tx.select({ id: sites.id }).from(sites)).map((s) => s.id);
  const reviewed = await reviewAdvisories(tx, rows, siteIds, now);
  const out: EnqueueInput[] = [];
  for (const row of rows)
    for (const r of reviewed.get(row.id)?.reviews ?? [])
      for (const due of advisoryRemindersDue(r.clock, r.timeZone, now)) {
        const dueAt = r.clock.due!.at.toISOString();
        out.push({
          kind: ADVISORY_REMINDER_JOB,
          payload: {
            reminder: due.kind,
            advisoryId: row.id,
            siteId: r.siteId,
            what: r.clock.due!.what,
            dueAt,
          },
          idempotencyKey: `reminder:${due.kind}:advisory:${row.id}:${r.siteId}:${dueAt}`,
          runAt: due.runAt,
        });
      }
  return out;
};

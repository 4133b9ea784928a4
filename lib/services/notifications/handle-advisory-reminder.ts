import "server-only";
import { eq } from "drizzle-orm";
import { advisories } from "@/db/schema";
import { rolesAllowed } from "@/lib/auth/permissions";
import type { SiteClock } from "@/lib/domain/advisories/clocks";
import type { AdvisoryReminderKind } from "@/lib/domain/notifications/reminders";
import { formatInZone } from "@/lib/domain/site-time";
import type { JobHandler } from "@/lib/jobs/worker";
import { reviewAdvisories } from "@/lib/services/advisories/site-clocks";
import { notifyUsers } from "./internal/deliver";
import { holdersAt } from "./internal/recipients";

type Step = NonNullable<SiteClock["due"]>["what"];

const STEP: Record<Step, { name: string; why: string }> = {
  decision: {
    name: "applicability decision",
    why: "CIP-007 R2.2 asks for the decision whether it applies within 35 days of the advisory's import.",
  },
  fix_or_plan: {
    name: "fix or mitigation plan",
    why: "CIP-007 R2.3 asks, within 35 days of deciding it applies, for the fix installed or a dated mitigation plan.",
  },
  plan_target: {
    name: "mitigation plan's target date",
    why: "The mitigation plan promised the fix by this date; install it, or a change manager extends the plan.",
  },
};

interface Payload {
  reminder: AdvisoryReminderKind;
  advisoryId: string;
  siteId: string;
  what: Step;
  dueAt: string;
}

/**
 * Tells the site's security approvers and change managers (who assess advisories) that a CIP-007
 * step is due in 7 days or overdue, if the step is still open when the job runs.
 */
export const handleAdvisoryReminder: JobHandler = async (job, { db, now }) => {
  const p = job.payload as unknown as Payload;
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(advisories).where(eq(advisories.id, p.advisoryId));
    if (!row) return;
    const review = (await reviewAdvisories(tx, [row], [p.siteId], now))
      .get(row.id)
      ?.reviews.find((r) => r.siteId === p.siteId);
    const due = review?.clock.due;
    // A decision, a plan or the fix recorded since moves or ends the clock: this reminder is moot.
    if (!review || !due || due.what !== p.what || due.at.getTime() !== new Date(p.dueAt).getTime()) return;
    const holders = await holdersAt(tx, [p.siteId], rolesAllowed("advisory.assess"));
    const step = STEP[p.what];
    const overdue = p.reminder === "advisory_overdue";
    const assets = review.counts.affected + review.counts.unknown;
    await notifyUsers(
      tx,
      [...holders.keys()],
      {
        kind: p.reminder,
        objectType: "advisory",
        objectId: row.id,
        siteId: p.siteId,
        timeZone: review.timeZone,
        title: overdue
          ? `${row.trackingId}: the ${step.name} at ${review.siteCode} is overdue`
          : `${row.trackingId}: the ${step.name} at ${review.siteCode} is due in 7 days`,
        body: `Advisory ${row.trackingId} "${row.title}" touches ${assets} asset${assets === 1 ? "" : "s"} at ${review.siteName}; the ${step.name} ${overdue ? "was" : "is"} due ${formatInZone(due.at, review.timeZone)}. ${step.why}`,
        dueAt: due.at,
        dueLabel: overdue ? "Was due" : "Due",
        dedupeKey: job.idempotencyKey ?? `job:${job.id}`,
      },
      now,
    );
  });
};

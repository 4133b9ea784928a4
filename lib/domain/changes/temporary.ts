// Temporary changes (issue 15, item 4): a firewall rule opened for a vendor's session, a bypass
// for a proof test. Each must be reverted by its expiry. Time is a parameter, as everywhere here.
import type { ChangeState, Outcome, SignoffRole } from "../constants";
import { CHANGE_STATE_LABELS, SIGNOFF_ROLE_LABELS } from "../labels";
import type { ExtensionState } from "../constants";
import { EXTENSION_STATE_LABELS } from "../labels";
import { addLocalDays } from "../notifications/reminders";
import { formatInZone } from "../site-time";

/** Expiry approaching: this many calendar days before it on the plant's clock (DST-correct). */
export const EXPIRY_WARNING_DAYS = 3;

/**
 * Why an expiry cannot be accepted, or null. In the past: the change would be expired before
 * it starts. Before the planned end: it would expire while it is being implemented.
 */
export function temporaryExpiryRefusal(
  until: Date | null,
  plannedEnd: Date | null,
  now: Date,
): string | null {
  if (!until) return null;
  if (until.getTime() <= now.getTime())
    return "The expiry of a temporary change must be in the future. Choose a later date and time.";
  if (plannedEnd && until.getTime() <= plannedEnd.getTime())
    return "The expiry must be after the planned end: the temporary change would expire while it is being made.";
  return null;
}

/** When "expiry approaching" starts: three local days before, at the same wall-clock time. */
export const expiryWarningAt = (until: Date, timeZone: string): Date =>
  addLocalDays(until, -EXPIRY_WARNING_DAYS, timeZone);

/** Completed successfully and so in place on its assets (until its revert closes). */
export function temporaryInPlace(c: { state: ChangeState; outcome: Outcome | null }): boolean {
  return c.outcome === "success" && ["implemented", "pssr_pending", "closed"].includes(c.state);
}

export const EXPIRY_STATUSES = ["in_place", "expiring", "expired"] as const;
export type ExpiryStatus = (typeof EXPIRY_STATUSES)[number];

export function expiryStatus(until: Date, now: Date, timeZone: string): ExpiryStatus {
  if (until.getTime() <= now.getTime()) return "expired";
  if (expiryWarningAt(until, timeZone).getTime() <= now.getTime()) return "expiring";
  return "in_place";
}

export const EXPIRY_STATUS_LABELS: Record<ExpiryStatus, string> = {
  in_place: "Temporary, in place",
  expiring: "Expiry approaching",
  expired: "Expired: revert overdue",
};

interface Original {
  number: string;
  title: string;
  implementationPlan: string;
  backoutPlan: string;
  temporaryUntil: Date;
}

/**
 * The revert Interlock drafts when a temporary change is completed: its backout plan becomes the
 * implementation plan, its implementation plan what to do if the revert itself must be backed out.
 */
export function revertDraft(o: Original, timeZone: string) {
  const due = formatInZone(o.temporaryUntil, timeZone);
  return {
    title: `Revert ${o.number}: ${o.title}`.slice(0, 200),
    description: `Reverts the temporary change ${o.number} "${o.title}", which expires ${due}. Drafted by Interlock when ${o.number} was completed; plan a slot before the expiry and submit it for sign-off.`,
    justification: `${o.number} was approved as temporary until ${due}.`,
    implementationPlan: o.backoutPlan,
    backoutPlan: o.implementationPlan
      ? `Re-apply the temporary change as ${o.number} did:\n${o.implementationPlan}`
      : `Re-apply the temporary change as ${o.number} did.`,
  };
}

interface LinkedChange {
  number: string;
  state: ChangeState;
}

/**
 * The temporary state in a change record's words (the printable record and the PDF state the
 * same): on a temporary change its expiry, its revert and whether its assets are in the temporary
 * state; on a revert, what it undoes and by when. `t` shows an instant as the surface does.
 */
export function temporaryRecordFacts<T>(
  change: {
    temporaryUntil: string | null;
    temporary: {
      revert: LinkedChange | null;
      reverts: (LinkedChange & { dueBy: string | null }) | null;
      inPlace: boolean;
      expiresAt: string | null;
      extension: {
        state: ExtensionState;
        fromUntil: string;
        toUntil: string;
        reason: string;
        requestedByName: string;
        required: { role: SignoffRole; siteCode: string | null; signerName: string | null }[];
      } | null;
    };
  },
  t: (at: string) => T,
): [string, T | string][] {
  const linked = (c: LinkedChange) => `${c.number} (${CHANGE_STATE_LABELS[c.state]})`;
  const { revert, reverts, inPlace, expiresAt, extension: ext } = change.temporary;
  const extended: [string, T | string][] =
    expiresAt && expiresAt !== change.temporaryUntil && change.temporaryUntil
      ? [["Expiry approved with the change", t(change.temporaryUntil)]]
      : [];
  const extension: [string, T | string][] = ext
    ? [
        [
          "Expiry extension",
          `${EXTENSION_STATE_LABELS[ext.state]}: requested by ${ext.requestedByName} to move the expiry to ${String(t(ext.toUntil))} — ${ext.reason}`,
        ],
        [
          "Extension sign-offs",
          ext.required
            .map(
              (r) =>
                `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}: ${r.signerName ?? "awaited"}`,
            )
            .join("; "),
        ],
      ]
    : [];
  if (change.temporaryUntil)
    return [
      ["Temporary: revert by", t(expiresAt ?? change.temporaryUntil)],
      ...extended,
      ...extension,
      ["Revert", revert ? linked(revert) : "Drafted by Interlock when the change is completed"],
      [
        "Temporary state",
        inPlace
          ? "In place on its assets until the revert closes"
          : revert?.state === "closed"
            ? "Reverted"
            : "Not in place yet: it takes effect when the change is completed successfully",
      ],
    ];
  if (reverts)
    return [
      ["Reverts temporary change", linked(reverts)],
      ["Due by (its expiry)", reverts.dueBy ? t(reverts.dueBy) : "—"],
    ];
  return [];
}

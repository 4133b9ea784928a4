// When a board meeting takes decisions: a board decides in session, so the minutes never show a
// decision, or minutes closed, before the meeting began. The chair may open it a little early.

/** How early before its start the chair may open the meeting. */
export const OPENS_EARLY_MINUTES = 30;

/** The instant from which the meeting records decisions and may be closed. */
export function sessionOpensAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - OPENS_EARLY_MINUTES * 60_000);
}

/** Whether, at `now`, the meeting is in session (decisions and closing allowed). */
export function inSession(startsAt: Date, now: Date): boolean {
  return now.getTime() >= sessionOpensAt(startsAt).getTime();
}

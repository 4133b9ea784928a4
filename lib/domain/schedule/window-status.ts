// Where a window stands at an instant, for its page's header: open now (or, for a blackout, in
// force), the next occurrence, or past with its last one. Pure: `now` is a parameter.
import { OccurrenceLimitError, expandWindow } from "./recurrence";
import type { WindowKind } from "../constants";
import { floatingToInstant, parseLocal } from "./time";
import type { Occurrence, WindowDef } from "./types";

export type WindowStatus = "open" | "upcoming" | "past";

export interface WindowStanding {
  status: WindowStatus;
  /** The occurrence open now, else the next one, else the last one; null when none is left. */
  occurrence: Occurrence | null;
}

/** A blackout is in force rather than open. */
export function windowStatusLabel(kind: WindowKind, status: WindowStatus): string {
  if (status === "open") return kind === "blackout" ? "In force now" : "Open now";
  return status === "upcoming" ? "Upcoming" : "Past";
}

const DAY_MS = 86_400_000;
/** Looked at in widening spans, so a dense series is read over a day and a yearly one over years. */
const SPANS_DAYS = [1, 31, 800];

function firstIn(def: WindowDef, from: number, forward: boolean): Occurrence | null {
  for (const days of SPANS_DAYS) {
    const [a, b] = forward ? [from, from + days * DAY_MS] : [from - days * DAY_MS, from];
    let found: Occurrence[];
    try {
      found = expandWindow(def, new Date(a), new Date(b));
    } catch (e) {
      if (e instanceof OccurrenceLimitError) return null;
      throw e;
    }
    const hit = forward ? found[0] : found[found.length - 1];
    if (hit) return hit;
  }
  return null;
}

export function windowStanding(def: WindowDef, now: Date): WindowStanding {
  const t = now.getTime();
  // A window that starts beyond the widest span (a one-off years ahead) is looked for from its
  // own start: the spans would otherwise end before it and call it past.
  const local = parseLocal(def.localStart);
  const start = local === null ? t : floatingToInstant(local, def.timeZone);
  const ahead = firstIn(def, Math.max(t, start), true);
  if (ahead) return { status: ahead.start.getTime() <= t ? "open" : "upcoming", occurrence: ahead };
  return { status: "past", occurrence: firstIn(def, t, false) };
}

// Slot assistant: suggests conflict-free slots for a change. It only generates
// candidates; detectConflicts is the single judge, so a proposal can never contradict
// what the gate or the change form will say about the same slot.
import type { ConflictInput, TimeSlot } from "./types";
import { detectConflicts, openingsFor, type Opening } from "./conflicts";
import { formatLocalRange } from "./time";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Bounds the work for very long openings (a month-long turnaround at a 1-minute step). */
export const MAX_CANDIDATES = 20_000;

export interface ProposeOptions {
  from: Date;
  durationMinutes: number;
  count?: number;
  horizonDays?: number;
  stepMinutes?: number;
}

export interface ProposedSlot {
  start: Date;
  end: Date;
  /** Site-local label, one per distinct zone of the affected sites, joined by " / ". */
  localLabel: string;
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive whole number`);
}

/** Every opening of any affected (site, area); a slot must satisfy all of them, which detectConflicts checks. */
function openings(input: Omit<ConflictInput, "slot">): Opening[] {
  const seen = new Set<string>();
  const out: Opening[] = [];
  for (const a of input.assets) {
    for (const o of openingsFor(a.siteId, a.areaId, input.occurrences, input.productionRuns)) {
      const key = `${o.objectType}|${o.objectId}|${o.start.getTime()}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(o);
      }
    }
  }
  return out;
}

/** Moments when something in the way ends: the earliest free start after a blackout, a run or another change. */
function releases(input: Omit<ConflictInput, "slot">): number[] {
  return [
    ...input.occurrences.filter((o) => o.kind === "blackout").map((o) => o.end.getTime()),
    ...input.productionRuns.map((r) => r.end.getTime()),
    ...input.otherChanges.map((c) => c.end.getTime()),
  ];
}

function candidates(
  input: Omit<ConflictInput, "slot">,
  from: number,
  until: number,
  durationMs: number,
  stepMs: number,
): number[] {
  const out = new Set<number>();
  const ends = releases(input);
  for (const o of openings(input)) {
    const first = o.start.getTime();
    const last = Math.min(o.end.getTime() - durationMs, until - 1);
    // Stay on the opening's own step grid so suggestions read 01:00, 01:15, … not 01:07.
    const skip = from > first ? Math.ceil((from - first) / stepMs) : 0;
    for (let t = first + skip * stepMs; t <= last && out.size < MAX_CANDIDATES; t += stepMs) out.add(t);
    for (const t of ends) if (t >= first && t <= last) out.add(t);
  }
  return [...out].filter((t) => t >= from && t < until).sort((a, b) => a - b);
}

function label(input: Omit<ConflictInput, "slot">, slot: TimeSlot): string {
  const zones = [...new Set(input.assets.map((a) => input.sites[a.siteId]?.timeZone ?? "UTC"))];
  return zones.map((tz) => formatLocalRange(slot.start, slot.end, tz)).join(" / ");
}

/**
 * Up to `count` conflict-free slots, earliest first, that do not overlap one another,
 * starting at or after `from` and before `from + horizonDays`. Candidates are the starts
 * of maintenance occurrences and turnarounds, every `stepMinutes` inside them, and the
 * ends of blackouts, production runs and other changes that fall inside them.
 */
export function proposeSlots(input: Omit<ConflictInput, "slot">, options: ProposeOptions): ProposedSlot[] {
  const { from, durationMinutes, count = 5, horizonDays = 90, stepMinutes = 15 } = options;
  positiveInteger(durationMinutes, "durationMinutes");
  positiveInteger(stepMinutes, "stepMinutes");
  if (!(horizonDays > 0)) throw new RangeError("horizonDays must be positive");
  if (Number.isNaN(from.getTime())) throw new RangeError("from must be a valid date");
  if (count < 1 || input.assets.length === 0) return [];

  const durationMs = durationMinutes * MINUTE_MS;
  const start = from.getTime();
  const proposals: ProposedSlot[] = [];
  let freeFrom = -Infinity;
  for (const t of candidates(
    input,
    start,
    start + horizonDays * DAY_MS,
    durationMs,
    stepMinutes * MINUTE_MS,
  )) {
    if (t < freeFrom) continue;
    const slot = { start: new Date(t), end: new Date(t + durationMs) };
    if (detectConflicts({ ...input, slot }).length > 0) continue;
    proposals.push({ ...slot, localLabel: label(input, slot) });
    if (proposals.length >= count) break;
    freeFrom = t + durationMs;
  }
  return proposals;
}

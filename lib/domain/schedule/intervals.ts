// Half-open time intervals [start, end): a window ending at 04:00 does not touch a slot
// starting at 04:00. Spans are epoch milliseconds for cheap arithmetic.
import type { TimeSlot } from "./types";

export type Span = { start: number; end: number };

export const span = (t: TimeSlot): Span => ({ start: t.start.getTime(), end: t.end.getTime() });
export const toSlot = (s: Span): TimeSlot => ({ start: new Date(s.start), end: new Date(s.end) });

export function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export function contains(outer: TimeSlot, inner: TimeSlot): boolean {
  return outer.start.getTime() <= inner.start.getTime() && inner.end.getTime() <= outer.end.getTime();
}

export function intersection(a: TimeSlot, b: TimeSlot): TimeSlot | null {
  const start = Math.max(a.start.getTime(), b.start.getTime());
  const end = Math.min(a.end.getTime(), b.end.getTime());
  return start < end ? toSlot({ start, end }) : null;
}

export function union(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  }
  return union(out);
}

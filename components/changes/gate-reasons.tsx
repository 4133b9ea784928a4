import { formatInZone } from "@/lib/domain/site-time";
import type { GateResult } from "@/lib/types/changes";

type Reason = GateResult["reasons"][number];

/** The gate's own words, with the UTC instants of slot refusals re-read in the site's zone. */
export function reasonText(r: Reason, zone: string): string {
  const d = r.data ?? {};
  if (r.code === "outside_slot" && typeof d.slotStart === "string" && typeof d.slotEnd === "string") {
    const slot = `${formatInZone(d.slotStart, zone)} to ${formatInZone(d.slotEnd, zone)}`;
    if (d.position === "before") return `Too early: the planned slot ${slot} has not started yet`;
    if (d.position === "after") return `Too late: the planned slot ${slot} is over`;
  }
  return r.message;
}

export function GateReasonList({ reasons, zone }: { reasons: Reason[]; zone: string }) {
  return (
    <ul className="space-y-1" data-testid="gate-reasons">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} className="flex gap-2 text-sm">
          <code className="mt-0.5 shrink-0 rounded bg-slate-100 px-1 font-mono text-xs text-slate-700">
            {r.code}
          </code>
          <span className="text-slate-900">{reasonText(r, zone)}</span>
        </li>
      ))}
    </ul>
  );
}

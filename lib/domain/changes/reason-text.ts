// A gate reason's words for a page: the UTC instants the domain writes into them re-read in the
// site's zone. Pure, so the change page, the gate-check log and any export say the same thing.
import { formatInZone } from "../site-time";

export interface GateReasonWords {
  code: string;
  message: string;
  data?: Record<string, string | number | null>;
}

/**
 * A UTC instant as the domain writes it into a reason's words (wording.ts isoUtc), with the
 * " (UTC)" that may follow it: the instant re-read carries its own zone.
 */
const ISO_INSTANT = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)(?: \(UTC\))?/g;

/**
 * The gate's own words, with the UTC instants re-read in the site's zone: slot refusals from their
 * data, any other instant in the words as written (the gate-check log keeps only code and words).
 */
export function reasonText(r: GateReasonWords, zone: string): string {
  const d = r.data ?? {};
  if (r.code === "outside_slot" && typeof d.slotStart === "string" && typeof d.slotEnd === "string") {
    const slot = `${formatInZone(d.slotStart, zone)} to ${formatInZone(d.slotEnd, zone)}`;
    if (d.position === "before") return `Too early: the planned slot ${slot} has not started yet`;
    if (d.position === "after") return `Too late: the planned slot ${slot} is over`;
  }
  return r.message.replace(ISO_INSTANT, (_, at: string) => formatInZone(at, zone));
}

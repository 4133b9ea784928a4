import type { DemoChange, DemoSlot } from "./demo-changes-data";
import { type SeedClock, days, firstSaturday, floorHour, hours, plus, weekdayAt } from "./demo-clock";
import { MONTHLY, OUTAGES, WEEKLY, zoneOf } from "./demo-schedule";

export interface Slot {
  start: Date;
  end: Date;
}

type SiteCode = keyof typeof WEEKLY;

/** The site whose window holds the slot: the first asset's (multi-site slots use the shared Saturday). */
export function siteOfTag(tag: string, siteByTag: Map<string, SiteCode>): SiteCode {
  const site = siteByTag.get(tag);
  if (!site) throw new Error(`Demo change names an unknown asset ${tag}`);
  return site;
}

/** An emergency begins on the hour it was declared. */
export function emergencyStart(now: Date, site: SiteCode, daysAgo: number): Date {
  return floorHour(plus(now, -days(daysAgo)), zoneOf(site)).toJSDate();
}

export function resolveSlot(slot: DemoSlot, site: SiteCode, now: Date): Slot {
  const zone = zoneOf(site);
  const span = (start: Date, h: number): Slot => ({ start, end: plus(start, hours(h)) });
  if ("week" in slot) {
    const w = WEEKLY[site];
    return span(
      plus(weekdayAt(now, zone, slot.week, w.weekday, w.hour).toJSDate(), hours(slot.from)),
      slot.hours,
    );
  }
  if ("month" in slot) {
    // 14:00 in Rheinfeld lies inside both sites' first-Saturday windows, in summer and in winter.
    let month = slot.month === "next" ? 0 : slot.month;
    const at = (m: number) => firstSaturday(now, zoneOf("RHP"), m, MONTHLY.hour + 8).toJSDate();
    if (slot.month === "next" && at(month).getTime() < plus(now, days(3)).getTime()) month = 1;
    return span(at(month), slot.hours);
  }
  if ("outage" in slot) {
    const o = OUTAGES[site];
    return span(plus(floorHour(plus(now, -hours(o.hoursBefore)), zone).toJSDate(), 30 * 60_000), slot.hours);
  }
  return span(emergencyStart(now, site, slot.emergencyDaysAgo), slot.hours);
}

/** When the change was filed: its lead before the slot, and never later than a few days ago. */
export function filedAt(change: DemoChange, slot: Slot, clock: SeedClock): Date {
  if ("outage" in change.slot) return plus(clock.now, -days(2) + hours(1));
  if ("emergencyDaysAgo" in change.slot) return plus(slot.start, -hours(2));
  const lead = plus(slot.start, -days(change.lead ?? 8));
  const latest = plus(clock.now, -days(4));
  return lead.getTime() < latest.getTime() ? lead : latest;
}

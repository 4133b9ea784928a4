import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { RunCriticality, RunKind } from "@/lib/domain/constants";
import { createRun } from "@/lib/services/schedule/create-run";
import { createWindow } from "@/lib/services/schedule/create-window";
import { DEMO_SITES } from "@/lib/demo-accounts";
import {
  type SeedClock,
  type SeedStep,
  days,
  firstSaturday,
  floorHour,
  hours,
  localText,
  weekStart,
  weekdayAt,
} from "./demo-clock";

type SiteCode = (typeof DEMO_SITES)[number]["code"];
export const zoneOf = (site: SiteCode): string => DEMO_SITES.find((s) => s.code === site)!.timeZone;

/** Each site's weekly window (weekday, local hour, length) and the first-Saturday monthly one. */
export const WEEKLY: Record<SiteCode, { weekday: number; hour: number; minutes: number; day: string }> = {
  GCR: { weekday: 2, hour: 7, minutes: 600, day: "TU" },
  RHP: { weekday: 4, hour: 7, minutes: 540, day: "TH" },
};
export const MONTHLY = { hour: 6, minutes: 720 } as const;

/** The one-off outage windows that hold the changes in progress at the seeding instant. */
export const OUTAGES: Record<
  SiteCode,
  { title: string; area: string; hoursBefore: number; minutes: number }
> = {
  GCR: { title: "HTU exchanger E-204 outage", area: "HTU", hoursBefore: 3, minutes: 600 },
  RHP: { title: "Warehouse AS/RS maintenance stop", area: "WH", hoursBefore: 2, minutes: 480 },
};

interface RunPlan {
  site: SiteCode;
  area: string;
  title: string;
  kind: RunKind;
  criticality: RunCriticality;
  /** Weeks from the seeding instant's week, Monday 06:00 local, and the length in days. */
  week: number;
  days: number;
}

const RUNS: RunPlan[] = [
  {
    site: "GCR",
    area: "CDU",
    title: "Crude campaign: light sweet slate",
    kind: "campaign",
    criticality: "critical",
    week: -12,
    days: 49,
  },
  {
    site: "GCR",
    area: "CDU",
    title: "Crude campaign: heavy sour blend",
    kind: "campaign",
    criticality: "critical",
    week: -5,
    days: 56,
  },
  {
    site: "GCR",
    area: "TF",
    title: "Winter-grade gasoline blending",
    kind: "run",
    criticality: "normal",
    week: 1,
    days: 14,
  },
  {
    site: "GCR",
    area: "HTU",
    title: "Ultra-low-sulfur diesel run",
    kind: "run",
    criticality: "critical",
    week: 1,
    days: 35,
  },
  {
    site: "GCR",
    area: "FCC",
    title: "FCC turnaround",
    kind: "turnaround",
    criticality: "normal",
    week: 5,
    days: 14,
  },
  {
    site: "RHP",
    area: "FIL",
    title: "Fill-finish lots 2701 to 2704",
    kind: "batch",
    criticality: "critical",
    week: 1,
    days: 11,
  },
  {
    site: "RHP",
    area: "API",
    title: "API campaign 27-01 (process validation)",
    kind: "campaign",
    criticality: "critical",
    week: 4,
    days: 14,
  },
  {
    site: "RHP",
    area: "FIL",
    title: "Media fill (aseptic process simulation)",
    kind: "batch",
    criticality: "critical",
    week: 6,
    days: 4,
  },
  {
    site: "RHP",
    area: "CU",
    title: "Annual clean-utilities shutdown",
    kind: "turnaround",
    criticality: "normal",
    week: 7,
    days: 5,
  },
];

/**
 * Change managers open the recurring windows and operations plans the runs at the start of the
 * quarter; the blackouts and today's outage windows come later, as steps among the changes.
 */
export async function seedDemoSchedule(
  clock: SeedClock,
  people: Record<string, Actor>,
  managers: Record<SiteCode, string>,
  operations: Record<SiteCode, string>,
): Promise<SeedStep[]> {
  const now = clock.now;
  clock.set(new Date(now.getTime() - days(112)));
  for (const site of ["GCR", "RHP"] as const) {
    const zone = zoneOf(site);
    const manager = people[managers[site]]!;
    const w = WEEKLY[site];
    await createWindow(manager, {
      site,
      kind: "maintenance",
      title: "Weekly maintenance window",
      start: localText(weekdayAt(now, zone, -16, w.weekday, w.hour)),
      durationMinutes: w.minutes,
      rrule: `FREQ=WEEKLY;BYDAY=${w.day}`,
    });
    await createWindow(manager, {
      site,
      kind: "maintenance",
      title: "Monthly extended maintenance (first Saturday)",
      start: localText(firstSaturday(now, zone, -4, MONTHLY.hour)),
      durationMinutes: MONTHLY.minutes,
      rrule: "FREQ=MONTHLY;BYDAY=1SA",
    });
    for (const run of RUNS.filter((r) => r.site === site)) {
      const start = weekStart(now, zone, run.week).set({ hour: 6 });
      await createRun(people[operations[site]]!, {
        site,
        area: run.area,
        title: run.title,
        kind: run.kind,
        criticality: run.criticality,
        start: localText(start),
        end: localText(start.plus({ days: run.days })),
      });
    }
  }
  return laterWindows(now, people, managers);
}

/** The blackouts were declared three weeks ago, the outage windows two days ago. */
function laterWindows(
  now: Date,
  people: Record<string, Actor>,
  managers: Record<SiteCode, string>,
): SeedStep[] {
  const steps: SeedStep[] = [];
  const add = (at: Date, run: () => Promise<unknown>) =>
    steps.push({ at, seq: -1 - steps.length, key: "calendar", run: async () => void (await run()) });
  const declared = new Date(now.getTime() - days(21));
  add(declared, () =>
    createWindow(people[managers.GCR]!, {
      site: "GCR",
      kind: "blackout",
      title: "Peak-season freeze: gasoline demand",
      start: localText(weekStart(now, zoneOf("GCR"), 2)),
      durationMinutes: 7 * 24 * 60,
    }),
  );
  add(declared, () =>
    createWindow(people[managers.RHP]!, {
      site: "RHP",
      kind: "blackout",
      title: "Campaign validation freeze (process validation batches)",
      areas: ["API", "FIL"],
      start: localText(weekStart(now, zoneOf("RHP"), 4)),
      durationMinutes: 10 * 24 * 60,
    }),
  );
  for (const site of ["GCR", "RHP"] as const) {
    const o = OUTAGES[site];
    add(new Date(now.getTime() - days(2)), () =>
      createWindow(people[managers[site]]!, {
        site,
        kind: "maintenance",
        title: o.title,
        areas: [o.area],
        start: localText(floorHour(new Date(now.getTime() - hours(o.hoursBefore)), zoneOf(site))),
        durationMinutes: o.minutes,
      }),
    );
  }
  return steps;
}

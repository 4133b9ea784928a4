import { describe, expect, it } from "vitest";
import type { ConflictInput, WindowDef } from "./types";
import { proposeSlots, type ProposeOptions } from "./assistant";
import { detectConflicts } from "./conflicts";
import { expandWindows } from "./recurrence";
import {
  BER_PLC,
  BER_WIN,
  HMI,
  PLC_A,
  PLC_B,
  SITES,
  SUNDAY,
  SUNDAY_NEXT,
  TURNAROUND,
  Z,
  change,
  input,
  occ,
  run,
  win,
} from "./fixtures.test-support";

type Planning = Omit<ConflictInput, "slot">;
const planning = (overrides: Partial<ConflictInput> = {}): Planning => {
  const { slot: _slot, ...rest } = input(overrides);
  return rest;
};
const show = (slots: ReturnType<typeof proposeSlots>) =>
  slots.map((s) => [s.start.toISOString(), s.end.toISOString(), s.localLabel]);

const weekly = (overrides: Partial<WindowDef>): WindowDef =>
  win({ id: "win-sun", siteId: "site-chi", localStart: "2027-03-07T01:00", ...overrides });

describe("proposeSlots", () => {
  it.each<[string, Partial<ConflictInput>, ProposeOptions, string[][]]>([
    [
      "starts right when a blackout inside the window ends",
      {
        occurrences: [
          SUNDAY,
          SUNDAY_NEXT,
          occ(
            "b",
            "blackout",
            "Morning freeze",
            "site-chi",
            [],
            "2027-03-21T05:00:00.000Z",
            "2027-03-21T08:20:00.000Z",
          ),
        ],
      },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 60, count: 3 },
      [
        ["2027-03-21T08:20:00.000Z", "2027-03-21T09:20:00.000Z", "Sun 21 Mar 2027 03:20–04:20 CDT"],
        ["2027-03-28T06:00:00.000Z", "2027-03-28T07:00:00.000Z", "Sun 28 Mar 2027 01:00–02:00 CDT"],
        ["2027-03-28T07:00:00.000Z", "2027-03-28T08:00:00.000Z", "Sun 28 Mar 2027 02:00–03:00 CDT"],
      ],
    ],
    [
      "from inside a window, on the window's 15-minute grid",
      { occurrences: [SUNDAY] },
      { from: Z("2027-03-21T06:07:00.000Z"), durationMinutes: 60, count: 2 },
      [
        ["2027-03-21T06:15:00.000Z", "2027-03-21T07:15:00.000Z", "Sun 21 Mar 2027 01:15–02:15 CDT"],
        ["2027-03-21T07:15:00.000Z", "2027-03-21T08:15:00.000Z", "Sun 21 Mar 2027 02:15–03:15 CDT"],
      ],
    ],
    [
      "only within the horizon",
      { occurrences: [SUNDAY, SUNDAY_NEXT] },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 240, horizonDays: 7 },
      [["2027-03-21T06:00:00.000Z", "2027-03-21T10:00:00.000Z", "Sun 21 Mar 2027 01:00–05:00 CDT"]],
    ],
    [
      "inside a turnaround",
      { occurrences: [], productionRuns: [TURNAROUND], needsDowntime: true },
      { from: Z("2027-03-19T00:00:00.000Z"), durationMinutes: 600, count: 2 },
      [
        [
          "2027-03-20T00:00:00.000Z",
          "2027-03-20T10:00:00.000Z",
          "Fri 19 Mar 2027 19:00 – Sat 20 Mar 2027 05:00 CDT",
        ],
        ["2027-03-20T10:00:00.000Z", "2027-03-20T20:00:00.000Z", "Sat 20 Mar 2027 05:00–15:00 CDT"],
      ],
    ],
    [
      "around another change on the same asset and a critical run",
      {
        occurrences: [SUNDAY],
        needsDowntime: true,
        otherChanges: [
          change(
            "chg-17",
            "CHG-2027-00017",
            "approved",
            [PLC_A],
            "2027-03-21T06:00:00.000Z",
            "2027-03-21T07:10:00.000Z",
          ),
        ],
        productionRuns: [
          run(
            "run-9",
            "Batch 9",
            "batch",
            "critical",
            "area-u100",
            "2027-03-21T08:30:00.000Z",
            "2027-03-21T09:00:00.000Z",
          ),
        ],
      },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 60 },
      [
        ["2027-03-21T07:10:00.000Z", "2027-03-21T08:10:00.000Z", "Sun 21 Mar 2027 02:10–03:10 CDT"],
        ["2027-03-21T09:00:00.000Z", "2027-03-21T10:00:00.000Z", "Sun 21 Mar 2027 04:00–05:00 CDT"],
      ],
    ],
    [
      "where the windows of two plants meet, labelled in both zones",
      { assets: [PLC_A, BER_PLC], occurrences: [SUNDAY, BER_WIN] },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 60, count: 2 },
      [
        [
          "2027-03-21T06:00:00.000Z",
          "2027-03-21T07:00:00.000Z",
          "Sun 21 Mar 2027 01:00–02:00 CDT / Sun 21 Mar 2027 07:00–08:00 CET",
        ],
        [
          "2027-03-21T07:00:00.000Z",
          "2027-03-21T08:00:00.000Z",
          "Sun 21 Mar 2027 02:00–03:00 CDT / Sun 21 Mar 2027 08:00–09:00 CET",
        ],
      ],
    ],
    [
      "nothing without a window",
      { occurrences: [] },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 60 },
      [],
    ],
    [
      "nothing longer than the window",
      { occurrences: [SUNDAY] },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 241 },
      [],
    ],
    [
      "nothing for a change without assets",
      { assets: [] },
      { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 60 },
      [],
    ],
  ])("%s", (_label, overrides, options, expected) => {
    expect(show(proposeSlots(planning(overrides), options))).toEqual(expected);
  });

  it("skips a blackout covering a whole occurrence of an expanded weekly window", () => {
    const defs = [
      weekly({}),
      weekly({
        id: "win-freeze",
        kind: "blackout",
        title: "Unit startup",
        localStart: "2027-03-14T00:00",
        durationMinutes: 300,
        rrule: null,
      }),
    ];
    const occurrences = expandWindows(defs, Z("2027-03-08T00:00:00.000Z"), Z("2027-06-08T00:00:00.000Z"));
    const slots = proposeSlots(planning({ occurrences }), {
      from: Z("2027-03-08T00:00:00.000Z"),
      durationMinutes: 120,
      count: 3,
    });
    expect(show(slots)).toEqual([
      ["2027-03-21T06:00:00.000Z", "2027-03-21T08:00:00.000Z", "Sun 21 Mar 2027 01:00–03:00 CDT"],
      ["2027-03-21T08:00:00.000Z", "2027-03-21T10:00:00.000Z", "Sun 21 Mar 2027 03:00–05:00 CDT"],
      ["2027-03-28T06:00:00.000Z", "2027-03-28T08:00:00.000Z", "Sun 28 Mar 2027 01:00–03:00 CDT"],
    ]);
  });

  it("returns five by default", () => {
    const occurrences = expandWindows(
      [weekly({})],
      Z("2027-03-01T00:00:00.000Z"),
      Z("2027-06-01T00:00:00.000Z"),
    );
    expect(
      proposeSlots(planning({ occurrences }), {
        from: Z("2027-03-01T00:00:00.000Z"),
        durationMinutes: 240,
      }).map((s) => s.start.toISOString()),
    ).toEqual([
      "2027-03-07T07:00:00.000Z",
      "2027-03-14T07:00:00.000Z",
      "2027-03-21T06:00:00.000Z",
      "2027-03-28T06:00:00.000Z",
      "2027-04-04T06:00:00.000Z",
    ]);
  });

  it.each([
    [{ durationMinutes: 0 }],
    [{ durationMinutes: 1.5 }],
    [{ stepMinutes: 0 }],
    [{ horizonDays: 0 }],
    [{ from: new Date("nope") }],
  ])("rejects bad options %j", (bad) => {
    expect(() =>
      proposeSlots(planning(), { from: Z("2027-03-20T00:00:00.000Z"), durationMinutes: 60, ...bad }),
    ).toThrow(RangeError);
  });
});

describe("proposeSlots never proposes a slot detectConflicts flags", () => {
  // A small deterministic generator keeps the scenarios reproducible.
  function lcg(seed: number) {
    let s = seed >>> 0;
    return (n: number) => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s % n;
    };
  }
  const base = Date.parse("2027-03-01T00:00:00.000Z");
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

  const scenarios = Array.from({ length: 40 }, (_, seed) => {
    const rnd = lcg(seed + 1);
    const defs: WindowDef[] = [
      weekly({
        localStart: "2027-03-06T22:00",
        rrule: "FREQ=WEEKLY;BYDAY=SA,SU",
        durationMinutes: 180 + rnd(300),
      }),
      weekly({
        id: "win-u200",
        areaIds: ["area-u200"],
        localStart: "2027-03-02T02:00",
        rrule: "FREQ=DAILY",
        durationMinutes: 60 + rnd(180),
      }),
      weekly({
        id: "win-ber",
        siteId: "site-ber",
        timeZone: "Europe/Berlin",
        localStart: "2027-03-01T20:00",
        rrule: "FREQ=DAILY;INTERVAL=2",
        durationMinutes: 240,
      }),
    ];
    for (let i = 0; i < 4; i++) {
      defs.push(
        weekly({
          id: `bo-${i}`,
          kind: "blackout",
          areaIds: rnd(2) ? [] : ["area-u100"],
          localStart: `2027-03-${String(2 + rnd(25)).padStart(2, "0")}T${String(rnd(24)).padStart(2, "0")}:00`,
          durationMinutes: 30 + rnd(2000),
          rrule: null,
        }),
      );
    }
    const occurrences = expandWindows(defs, Z("2027-02-20T00:00:00.000Z"), Z("2027-05-01T00:00:00.000Z"));
    const minute = () => rnd(60 * 24 * 40);
    const others = Array.from({ length: 6 }, (_, i) => {
      const start = minute();
      const state = (["submitted", "approved", "in_progress"] as const)[rnd(3)]!;
      return change(
        `chg-${i}`,
        `CHG-2027-0000${i}`,
        state,
        [[PLC_A], [PLC_B], [HMI]][rnd(3)]!,
        at(start),
        at(start + 30 + rnd(600)),
      );
    });
    const runs = Array.from({ length: 4 }, (_, i) => {
      const start = minute();
      return run(
        `run-${i}`,
        `Run ${i}`,
        (["run", "campaign", "batch", "turnaround"] as const)[rnd(4)]!,
        (["critical", "normal"] as const)[rnd(2)]!,
        ["area-u100", "area-u200"][rnd(2)]!,
        at(start),
        at(start + 60 + rnd(3000)),
      );
    });
    const assets = [[PLC_A], [PLC_A, HMI], [PLC_B, BER_PLC], [HMI]][rnd(4)]!;
    const options: ProposeOptions = {
      from: new Date(at(rnd(60 * 24 * 10))),
      durationMinutes: 15 + rnd(240),
      count: 1 + rnd(8),
      horizonDays: 10 + rnd(40),
      stepMinutes: [5, 15, 30][rnd(3)]!,
    };
    const scenario: Planning = {
      changeId: "chg-x",
      assets,
      needsDowntime: rnd(2) === 1,
      occurrences,
      productionRuns: runs,
      otherChanges: others,
      redundancyGroups: { "U100-CTRL": [PLC_A.id, PLC_B.id] },
      sites: SITES,
    };
    return [seed, scenario, options] as const;
  });

  it.each(scenarios)("scenario %i", (_seed, scenario, options) => {
    const slots = proposeSlots(scenario, options);
    expect(slots.length).toBeLessThanOrEqual(options.count ?? 5);
    const from = options.from.getTime();
    let previousEnd = -Infinity;
    for (const s of slots) {
      expect(detectConflicts({ ...scenario, slot: s })).toEqual([]);
      expect(s.end.getTime() - s.start.getTime()).toBe(options.durationMinutes * 60_000);
      expect(s.start.getTime()).toBeGreaterThanOrEqual(from);
      expect(s.start.getTime()).toBeLessThan(from + (options.horizonDays ?? 90) * 86_400_000);
      expect(s.start.getTime()).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = s.end.getTime();
    }
  });

  it("the scenarios do exercise proposals", () => {
    const total = scenarios.reduce(
      (n, [, scenario, options]) => n + proposeSlots(scenario, options).length,
      0,
    );
    expect(total).toBeGreaterThan(40);
  });
});

import { describe, expect, it } from "vitest";
import type { Conflict, ConflictInput } from "./types";
import { detectConflicts, occurrencesCovering } from "./conflicts";
import {
  BER_PLC,
  BER_WIN,
  CAMPAIGN,
  FREEZE,
  FW,
  HMI,
  PLC_A,
  PLC_B,
  SUNDAY,
  SUNDAY_NEXT,
  TURNAROUND,
  U200_SAT,
  change,
  conflict,
  input,
  occ,
  run,
  slot,
} from "./fixtures.test-support";

const PLC_C = { ...PLC_B, id: "a-plc-201c", tag: "PLC-201C" };
const TRIPLE = { "U100-CTRL": [PLC_A.id, PLC_B.id, PLC_C.id] };

describe("each conflict kind alone", () => {
  it.each<[string, Partial<ConflictInput>, Conflict]>([
    [
      "outside_window, naming the next window",
      { slot: slot("2027-03-21T11:00:00.000Z", "2027-03-21T12:00:00.000Z") },
      conflict({
        code: "outside_window",
        message:
          "Outside maintenance window for PLC-201A at CHI (next window opens Sun 28 Mar 2027 01:00 CDT)",
        objectType: "window",
        objectId: "win-sun",
        assetIds: [PLC_A.id],
        overlap: null,
      }),
    ],
    [
      "outside_window, slot running past the window's end",
      { slot: slot("2027-03-21T09:00:00.000Z", "2027-03-21T11:00:00.000Z") },
      conflict({
        code: "outside_window",
        message:
          "Outside maintenance window for PLC-201A at CHI: maintenance window 'Sunday patching' covers only Sun 21 Mar 2027 01:00–05:00 CDT",
        objectType: "window",
        objectId: "win-sun",
        assetIds: [PLC_A.id],
        overlap: slot("2027-03-21T09:00:00.000Z", "2027-03-21T10:00:00.000Z"),
      }),
    ],
    [
      "outside_window, no later window loaded",
      { slot: slot("2027-03-21T11:00:00.000Z", "2027-03-21T12:00:00.000Z"), occurrences: [SUNDAY] },
      conflict({
        code: "outside_window",
        message: "Outside maintenance window for PLC-201A at CHI (no later window is scheduled)",
        objectType: null,
        objectId: null,
        assetIds: [PLC_A.id],
        overlap: null,
      }),
    ],
    [
      "blackout_active, even inside a maintenance window",
      { occurrences: [SUNDAY, FREEZE] },
      conflict({
        code: "blackout_active",
        message: "Blackout 'Peak season freeze' covers Sun 21 Mar 2027 02:30–03:00 CDT (PLC-201A)",
        objectType: "window",
        objectId: "win-freeze",
        assetIds: [PLC_A.id],
        overlap: slot("2027-03-21T07:30:00.000Z", "2027-03-21T08:00:00.000Z"),
      }),
    ],
    [
      "asset_busy with an approved change (planning warning)",
      {
        otherChanges: [
          change(
            "chg-17",
            "CHG-2027-00017",
            "approved",
            [PLC_A],
            "2027-03-21T07:30:00.000Z",
            "2027-03-21T09:00:00.000Z",
          ),
        ],
      },
      conflict({
        code: "asset_busy",
        message:
          "Asset PLC-201A is also booked by CHG-2027-00017 (approved) for Sun 21 Mar 2027 02:30–03:00 CDT",
        objectType: "change",
        objectId: "chg-17",
        assetIds: [PLC_A.id],
        overlap: slot("2027-03-21T07:30:00.000Z", "2027-03-21T08:00:00.000Z"),
        blocking: false,
      }),
    ],
    [
      "asset_busy with a change in progress (blocks the gate)",
      {
        otherChanges: [
          change(
            "chg-17",
            "CHG-2027-00017",
            "in_progress",
            [PLC_A, HMI],
            "2027-03-21T06:00:00.000Z",
            "2027-03-21T09:00:00.000Z",
          ),
        ],
      },
      conflict({
        code: "asset_busy",
        message:
          "Asset PLC-201A is also booked by CHG-2027-00017 (in progress) for Sun 21 Mar 2027 02:00–03:00 CDT",
        objectType: "change",
        objectId: "chg-17",
        assetIds: [PLC_A.id],
        overlap: slot("2027-03-21T07:00:00.000Z", "2027-03-21T08:00:00.000Z"),
      }),
    ],
    [
      "redundancy_lost with the partner under another change",
      {
        otherChanges: [
          change(
            "chg-18",
            "CHG-2027-00018",
            "approved",
            [PLC_B],
            "2027-03-21T07:30:00.000Z",
            "2027-03-21T09:00:00.000Z",
          ),
        ],
      },
      conflict({
        code: "redundancy_lost",
        message:
          "Redundancy group 'U100-CTRL' would have every member under change Sun 21 Mar 2027 02:30–03:00 CDT (this change and CHG-2027-00018)",
        objectType: "change",
        objectId: "chg-18",
        assetIds: [PLC_A.id, PLC_B.id],
        overlap: slot("2027-03-21T07:30:00.000Z", "2027-03-21T08:00:00.000Z"),
        blocking: false,
      }),
    ],
    [
      "redundancy_lost by this change alone",
      { assets: [PLC_A, PLC_B] },
      conflict({
        code: "redundancy_lost",
        message:
          "Redundancy group 'U100-CTRL' would have every member under change Sun 21 Mar 2027 02:00–03:00 CDT (this change alone)",
        objectType: null,
        objectId: null,
        assetIds: [PLC_A.id, PLC_B.id],
        overlap: slot("2027-03-21T07:00:00.000Z", "2027-03-21T08:00:00.000Z"),
      }),
    ],
    [
      "production_conflict with a critical run when downtime is needed",
      { needsDowntime: true, productionRuns: [CAMPAIGN] },
      conflict({
        code: "production_conflict",
        message:
          "Critical production run 'Campaign 12' overlaps Sun 21 Mar 2027 02:00–03:00 CDT in the area of PLC-201A; the change needs downtime",
        objectType: "production_run",
        objectId: "run-12",
        assetIds: [PLC_A.id],
        overlap: slot("2027-03-21T07:00:00.000Z", "2027-03-21T08:00:00.000Z"),
      }),
    ],
  ])("%s", (_label, overrides, expected) => {
    expect(detectConflicts(input(overrides))).toEqual([expected]);
  });
});

describe("no conflict", () => {
  const chg = (
    state: "approved" | "draft" | "closed" | "in_progress",
    assets = [PLC_A],
    start = "2027-03-21T07:00:00.000Z",
    end = "2027-03-21T08:00:00.000Z",
    id = "chg-17",
  ) => change(id, "CHG-2027-00017", state, assets, start, end);
  it.each<[string, Partial<ConflictInput>]>([
    ["inside the whole-site window", {}],
    ["exactly the window", { slot: slot("2027-03-21T06:00:00.000Z", "2027-03-21T10:00:00.000Z") }],
    [
      "blackout ending as the slot starts",
      {
        occurrences: [
          SUNDAY,
          occ("b", "blackout", "B", "site-chi", [], "2027-03-21T05:00:00.000Z", "2027-03-21T07:00:00.000Z"),
        ],
      },
    ],
    [
      "blackout starting as the slot ends",
      {
        occurrences: [
          SUNDAY,
          occ("b", "blackout", "B", "site-chi", [], "2027-03-21T08:00:00.000Z", "2027-03-21T09:00:00.000Z"),
        ],
      },
    ],
    [
      "blackout for another area",
      {
        occurrences: [
          SUNDAY,
          occ(
            "b",
            "blackout",
            "B",
            "site-chi",
            ["area-u200"],
            "2027-03-21T06:00:00.000Z",
            "2027-03-21T09:00:00.000Z",
          ),
        ],
      },
    ],
    [
      "blackout at another site",
      {
        occurrences: [
          SUNDAY,
          occ("b", "blackout", "B", "site-ber", [], "2027-03-21T06:00:00.000Z", "2027-03-21T09:00:00.000Z"),
        ],
      },
    ],
    [
      "the change itself among the bookings",
      { otherChanges: [chg("approved", [PLC_A], undefined, undefined, "chg-1")] },
    ],
    ["a draft on the same asset", { otherChanges: [chg("draft")] }],
    ["a closed change on the same asset", { otherChanges: [chg("closed")] }],
    [
      "a change ending as the slot starts",
      { otherChanges: [chg("in_progress", [PLC_A], "2027-03-21T06:00:00.000Z", "2027-03-21T07:00:00.000Z")] },
    ],
    ["a change on an unrelated asset", { otherChanges: [chg("in_progress", [HMI])] }],
    ["a critical run but no downtime", { productionRuns: [CAMPAIGN] }],
    [
      "a normal run with downtime",
      { needsDowntime: true, productionRuns: [{ ...CAMPAIGN, criticality: "normal" }] },
    ],
    [
      "a critical run in another area",
      { needsDowntime: true, productionRuns: [{ ...CAMPAIGN, areaId: "area-u200" }] },
    ],
    [
      "a critical run at another site",
      { needsDowntime: true, productionRuns: [{ ...CAMPAIGN, siteId: "site-ber" }] },
    ],
    [
      "a critical run after the slot",
      { needsDowntime: true, productionRuns: [{ ...CAMPAIGN, start: new Date("2027-03-21T08:00:00.000Z") }] },
    ],
    [
      "a critical turnaround, which is never a conflict",
      { needsDowntime: true, productionRuns: [TURNAROUND] },
    ],
    [
      "two of three redundant members under change",
      { redundancyGroups: TRIPLE, otherChanges: [chg("in_progress", [PLC_B])] },
    ],
    [
      "the other members of a group down one after the other, never together",
      {
        redundancyGroups: TRIPLE,
        otherChanges: [
          chg("in_progress", [PLC_B], "2027-03-21T07:00:00.000Z", "2027-03-21T07:30:00.000Z"),
          chg("in_progress", [PLC_C], "2027-03-21T07:30:00.000Z", "2027-03-21T08:00:00.000Z", "chg-19"),
        ],
      },
    ],
    ["a group of one has no redundancy to lose", { redundancyGroups: { "U100-CTRL": [PLC_A.id] } }],
    ["a partner held only by a draft", { otherChanges: [chg("draft", [PLC_B])] }],
  ])("%s", (_label, overrides) => {
    expect(detectConflicts(input(overrides))).toEqual([]);
  });
});

describe("redundancy over time", () => {
  it("reports the stretch when every member is down together", () => {
    const [c] = detectConflicts(
      input({
        redundancyGroups: TRIPLE,
        otherChanges: [
          change(
            "chg-18",
            "CHG-2027-00018",
            "in_progress",
            [PLC_B],
            "2027-03-21T07:00:00.000Z",
            "2027-03-21T07:45:00.000Z",
          ),
          change(
            "chg-19",
            "CHG-2027-00019",
            "approved",
            [PLC_C],
            "2027-03-21T07:30:00.000Z",
            "2027-03-21T08:00:00.000Z",
          ),
        ],
      }),
    );
    expect(c).toMatchObject({
      code: "redundancy_lost",
      objectId: "chg-18",
      assetIds: [PLC_A.id, PLC_B.id, PLC_C.id],
      blocking: false,
    });
    expect(c!.overlap).toEqual(slot("2027-03-21T07:30:00.000Z", "2027-03-21T07:45:00.000Z"));
    expect(c!.message).toBe(
      "Redundancy group 'U100-CTRL' would have every member under change Sun 21 Mar 2027 02:30–02:45 CDT (this change and CHG-2027-00018, CHG-2027-00019)",
    );
  });

  it("blocks when the partner's change is already in progress", () => {
    const [c] = detectConflicts(
      input({
        otherChanges: [
          change(
            "chg-18",
            "CHG-2027-00018",
            "in_progress",
            [PLC_B],
            "2027-03-21T06:00:00.000Z",
            "2027-03-21T12:00:00.000Z",
          ),
        ],
      }),
    );
    expect(c).toMatchObject({
      code: "redundancy_lost",
      blocking: true,
      overlap: slot("2027-03-21T07:00:00.000Z", "2027-03-21T08:00:00.000Z"),
    });
  });
});

describe("areas and turnarounds", () => {
  it("an area-scoped window does not cover another area, nor assets without an area", () => {
    const result = detectConflicts(
      input({
        assets: [HMI, PLC_A, FW],
        occurrences: [U200_SAT],
        slot: slot("2027-03-20T13:00:00.000Z", "2027-03-20T14:00:00.000Z"),
      }),
    );
    expect(result.map((c) => [c.code, c.assetIds, c.message])).toEqual([
      [
        "outside_window",
        [PLC_A.id],
        "Outside maintenance window for PLC-201A at CHI (no later window is scheduled)",
      ],
      [
        "outside_window",
        [FW.id],
        "Outside maintenance window for FW-01 at CHI (no later window is scheduled)",
      ],
    ]);
  });

  it("groups assets of one area into one finding", () => {
    const solo = [PLC_A, PLC_B].map((a) => ({ ...a, redundancyGroup: null }));
    const [c, ...rest] = detectConflicts(
      input({ assets: solo, slot: slot("2027-03-21T11:00:00.000Z", "2027-03-21T12:00:00.000Z") }),
    );
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ code: "outside_window", assetIds: [PLC_A.id, PLC_B.id] });
    expect(c!.message).toBe(
      "Outside maintenance window for PLC-201A, PLC-201B at CHI (next window opens Sun 28 Mar 2027 01:00 CDT)",
    );
  });

  it("a turnaround opens its area for work and is no production conflict", () => {
    const slotInTurnaround = slot("2027-03-23T15:00:00.000Z", "2027-03-23T17:00:00.000Z");
    expect(
      detectConflicts(
        input({ slot: slotInTurnaround, occurrences: [], productionRuns: [TURNAROUND], needsDowntime: true }),
      ),
    ).toEqual([]);
    const withHmi = detectConflicts(
      input({ slot: slotInTurnaround, assets: [PLC_A, HMI], occurrences: [], productionRuns: [TURNAROUND] }),
    );
    expect(withHmi.map((c) => [c.code, c.assetIds])).toEqual([["outside_window", [HMI.id]]]);
  });

  it("a slot running past the turnaround names it", () => {
    const [c] = detectConflicts(
      input({
        slot: slot("2027-03-26T23:00:00.000Z", "2027-03-27T01:00:00.000Z"),
        occurrences: [],
        productionRuns: [TURNAROUND],
      }),
    );
    expect(c).toEqual(
      conflict({
        code: "outside_window",
        message:
          "Outside maintenance window for PLC-201A at CHI: turnaround 'Spring turnaround U100' covers only Fri 19 Mar 2027 19:00 – Fri 26 Mar 2027 19:00 CDT",
        objectType: "production_run",
        objectId: "run-ta",
        assetIds: [PLC_A.id],
        overlap: slot("2027-03-26T23:00:00.000Z", "2027-03-27T00:00:00.000Z"),
      }),
    );
  });

  it("occurrencesCovering lists the windows and turnarounds containing the slot", () => {
    const covering = occurrencesCovering(
      slot("2027-03-21T07:00:00.000Z", "2027-03-21T08:00:00.000Z"),
      "site-chi",
      "area-u100",
      [SUNDAY, U200_SAT, FREEZE],
      [TURNAROUND, CAMPAIGN],
    );
    expect(covering.map((o) => [o.objectType, o.objectId])).toEqual([
      ["production_run", "run-ta"],
      ["window", "win-sun"],
    ]);
  });
});

describe("combined", () => {
  it("reports every kind at once, in gate order", () => {
    const result = detectConflicts(
      input({
        slot: slot("2027-03-21T09:00:00.000Z", "2027-03-21T11:00:00.000Z"), // 04:00–06:00 CDT
        occurrences: [SUNDAY, SUNDAY_NEXT, FREEZE],
        needsDowntime: true,
        productionRuns: [CAMPAIGN],
        otherChanges: [
          change(
            "chg-17",
            "CHG-2027-00017",
            "approved",
            [PLC_A],
            "2027-03-21T09:30:00.000Z",
            "2027-03-21T10:30:00.000Z",
          ),
          change(
            "chg-18",
            "CHG-2027-00018",
            "in_progress",
            [PLC_B],
            "2027-03-21T08:00:00.000Z",
            "2027-03-21T12:00:00.000Z",
          ),
        ],
      }),
    );
    expect(
      result.map((c) => [
        c.code,
        c.objectId,
        c.blocking,
        c.overlap?.start.toISOString() ?? null,
        c.overlap?.end.toISOString() ?? null,
      ]),
    ).toEqual([
      ["outside_window", "win-sun", true, "2027-03-21T09:00:00.000Z", "2027-03-21T10:00:00.000Z"],
      ["blackout_active", "win-freeze", true, "2027-03-21T09:00:00.000Z", "2027-03-21T11:00:00.000Z"],
      ["asset_busy", "chg-17", false, "2027-03-21T09:30:00.000Z", "2027-03-21T10:30:00.000Z"],
      ["redundancy_lost", "chg-18", true, "2027-03-21T09:00:00.000Z", "2027-03-21T11:00:00.000Z"],
      ["production_conflict", "run-12", true, "2027-03-21T09:00:00.000Z", "2027-03-21T11:00:00.000Z"],
    ]);
    expect(result[1]!.message).toBe(
      "Blackout 'Peak season freeze' covers Sun 21 Mar 2027 04:00–06:00 CDT (PLC-201A)",
    );
  });

  it("speaks each site's local time for a change spanning two plants", () => {
    const berFreeze = occ(
      "win-ber-freeze",
      "blackout",
      "Validation freeze",
      "site-ber",
      ["area-b1"],
      "2027-03-21T07:30:00.000Z",
      "2027-03-21T08:30:00.000Z",
    );
    const result = detectConflicts(
      input({ assets: [PLC_A, BER_PLC], occurrences: [SUNDAY, BER_WIN, berFreeze] }),
    );
    expect(result.map((c) => c.message)).toEqual([
      "Blackout 'Validation freeze' covers Sun 21 Mar 2027 08:30–09:00 CET (PLC-B1)",
    ]);
  });

  it("rejects an empty or inverted slot", () => {
    expect(() =>
      detectConflicts(input({ slot: slot("2027-03-21T08:00:00.000Z", "2027-03-21T08:00:00.000Z") })),
    ).toThrow(RangeError);
    expect(() =>
      detectConflicts(input({ slot: slot("2027-03-21T08:00:00.000Z", "2027-03-21T07:00:00.000Z") })),
    ).toThrow(RangeError);
  });

  it("has nothing to say about a change without assets", () => {
    expect(
      detectConflicts(
        input({
          assets: [],
          occurrences: [FREEZE],
          productionRuns: [
            run(
              "r",
              "R",
              "run",
              "critical",
              "area-u100",
              "2027-03-21T00:00:00.000Z",
              "2027-03-22T00:00:00.000Z",
            ),
          ],
        }),
      ),
    ).toEqual([]);
  });
});

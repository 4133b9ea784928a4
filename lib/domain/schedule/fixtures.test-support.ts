// Shared test data for conflicts and the assistant: a Chicago plant with two units and a
// redundant controller pair, plus a Berlin plant. Instants are written out by hand.
import type {
  Conflict,
  ConflictInput,
  Occurrence,
  OtherChangeFacts,
  ProductionRunFacts,
  ScheduleAsset,
  WindowDef,
} from "./types";

/** A weekly Sunday 01:00–05:00 window at the Chicago plant, from 1 Mar 2026; override any part. */
export function win(overrides: Partial<WindowDef>): WindowDef {
  return {
    id: "win-1",
    siteId: "site-1",
    kind: "maintenance",
    title: "Sunday patching",
    areaIds: [],
    localStart: "2026-03-01T01:00",
    durationMinutes: 240,
    rrule: "FREQ=WEEKLY;BYDAY=SU",
    untilLocal: null,
    exdatesLocal: [],
    timeZone: "America/Chicago",
    ...overrides,
  };
}

export const Z = (iso: string) => new Date(iso);
export const slot = (start: string, end: string) => ({ start: Z(start), end: Z(end) });

export const SITES: ConflictInput["sites"] = {
  "site-chi": { code: "CHI", name: "Chicago Works", timeZone: "America/Chicago" },
  "site-ber": { code: "BER", name: "Berlin Plant", timeZone: "Europe/Berlin" },
};

export const PLC_A: ScheduleAsset = {
  id: "a-plc-201a",
  tag: "PLC-201A",
  siteId: "site-chi",
  areaId: "area-u100",
  redundancyGroup: "U100-CTRL",
};
export const PLC_B: ScheduleAsset = {
  id: "a-plc-201b",
  tag: "PLC-201B",
  siteId: "site-chi",
  areaId: "area-u100",
  redundancyGroup: "U100-CTRL",
};
export const HMI: ScheduleAsset = {
  id: "a-hmi-301",
  tag: "HMI-301",
  siteId: "site-chi",
  areaId: "area-u200",
  redundancyGroup: null,
};
export const FW: ScheduleAsset = {
  id: "a-fw-01",
  tag: "FW-01",
  siteId: "site-chi",
  areaId: null,
  redundancyGroup: null,
};
export const BER_PLC: ScheduleAsset = {
  id: "a-ber-plc-1",
  tag: "PLC-B1",
  siteId: "site-ber",
  areaId: "area-b1",
  redundancyGroup: null,
};

/** The local strings are not read by the conflict rules; they are left empty on purpose. */
export function occ(
  windowId: string,
  kind: Occurrence["kind"],
  title: string,
  siteId: string,
  areaIds: string[],
  start: string,
  end: string,
): Occurrence {
  const timeZone = SITES[siteId]!.timeZone;
  return {
    windowId,
    kind,
    title,
    siteId,
    areaIds,
    start: Z(start),
    end: Z(end),
    localStart: "",
    localEnd: "",
    timeZone,
    zoneAbbr: "",
    recurrenceId: "",
  };
}

// Sunday 21 Mar 2027 is after the US change (CDT, −5) and before the EU one (CET, +1).
export const SUNDAY = occ(
  "win-sun",
  "maintenance",
  "Sunday patching",
  "site-chi",
  [],
  "2027-03-21T06:00:00.000Z",
  "2027-03-21T10:00:00.000Z",
);
export const SUNDAY_NEXT = occ(
  "win-sun",
  "maintenance",
  "Sunday patching",
  "site-chi",
  [],
  "2027-03-28T06:00:00.000Z",
  "2027-03-28T10:00:00.000Z",
);
export const U200_SAT = occ(
  "win-u200",
  "maintenance",
  "U200 Saturday",
  "site-chi",
  ["area-u200"],
  "2027-03-20T12:00:00.000Z",
  "2027-03-20T16:00:00.000Z",
);
export const FREEZE = occ(
  "win-freeze",
  "blackout",
  "Peak season freeze",
  "site-chi",
  [],
  "2027-03-21T07:30:00.000Z",
  "2027-03-22T05:00:00.000Z",
);
export const BER_WIN = occ(
  "win-ber",
  "maintenance",
  "Berlin Sunday",
  "site-ber",
  [],
  "2027-03-21T05:00:00.000Z",
  "2027-03-21T09:00:00.000Z",
);

export function change(
  id: string,
  number: string,
  state: OtherChangeFacts["state"],
  assets: ScheduleAsset[],
  start: string,
  end: string,
): OtherChangeFacts {
  return { id, number, state, assetIds: assets.map((a) => a.id), start: Z(start), end: Z(end) };
}

export function run(
  id: string,
  title: string,
  kind: ProductionRunFacts["kind"],
  criticality: ProductionRunFacts["criticality"],
  areaId: string,
  start: string,
  end: string,
  siteId = "site-chi",
): ProductionRunFacts {
  return { id, siteId, areaId, title, kind, criticality, start: Z(start), end: Z(end) };
}

export const CAMPAIGN = run(
  "run-12",
  "Campaign 12",
  "campaign",
  "critical",
  "area-u100",
  "2027-03-21T00:00:00.000Z",
  "2027-03-22T00:00:00.000Z",
);
export const TURNAROUND = run(
  "run-ta",
  "Spring turnaround U100",
  "turnaround",
  "critical",
  "area-u100",
  "2027-03-20T00:00:00.000Z",
  "2027-03-27T00:00:00.000Z",
);

export function input(overrides: Partial<ConflictInput> = {}): ConflictInput {
  return {
    slot: slot("2027-03-21T07:00:00.000Z", "2027-03-21T08:00:00.000Z"), // 02:00–03:00 CDT
    changeId: "chg-1",
    assets: [PLC_A],
    needsDowntime: false,
    occurrences: [SUNDAY, SUNDAY_NEXT],
    productionRuns: [],
    otherChanges: [],
    redundancyGroups: { "U100-CTRL": [PLC_A.id, PLC_B.id] },
    sites: SITES,
    ...overrides,
  };
}

export const conflict = (c: Omit<Conflict, "blocking"> & { blocking?: boolean }): Conflict => ({
  blocking: true,
  ...c,
});

import { describe, expect, it } from "vitest";
import { formatLocal, formatLocalRange } from "./schedule/time";
import {
  formatInZone,
  formatInZoneSeconds,
  formatUtc,
  localInputToUtc,
  offsetLabel,
  toLocalInput,
  zoneAbbreviation,
  zoneOffsetMinutes,
} from "./site-time";

// Zone, UTC instant, wall time there, abbreviation, offset. The demo plant's zones first, then
// DST transitions on both sides (Chicago, London, St John's, Lord Howe's half-hour shift, the
// southern hemisphere), half-hour and quarter-hour offsets, and zones with no English name.
const ZONES: [string, string, string, string, string][] = [
  ["America/Chicago", "2026-03-08T07:59:00Z", "8 Mar 2026, 01:59", "CST", "UTC−06:00"],
  ["America/Chicago", "2026-03-08T08:00:00Z", "8 Mar 2026, 03:00", "CDT", "UTC−05:00"],
  ["America/Chicago", "2026-11-01T06:30:00Z", "1 Nov 2026, 01:30", "CDT", "UTC−05:00"],
  ["America/Chicago", "2026-11-01T07:30:00Z", "1 Nov 2026, 01:30", "CST", "UTC−06:00"],
  ["Europe/Berlin", "2026-03-29T00:59:00Z", "29 Mar 2026, 01:59", "CET", "UTC+01:00"],
  ["Europe/Berlin", "2026-03-29T01:00:00Z", "29 Mar 2026, 03:00", "CEST", "UTC+02:00"],
  ["Africa/Johannesburg", "2026-01-15T12:00:00Z", "15 Jan 2026, 14:00", "SAST", "UTC+02:00"],
  ["Africa/Johannesburg", "2026-07-15T12:00:00Z", "15 Jul 2026, 14:00", "SAST", "UTC+02:00"],
  ["Europe/London", "2026-03-29T00:59:00Z", "29 Mar 2026, 00:59", "GMT", "UTC+00:00"],
  ["Europe/London", "2026-03-29T01:00:00Z", "29 Mar 2026, 02:00", "BST", "UTC+01:00"],
  ["Europe/Dublin", "2026-07-15T12:00:00Z", "15 Jul 2026, 13:00", "IST", "UTC+01:00"],
  ["UTC", "2026-07-15T12:00:00Z", "15 Jul 2026, 12:00", "UTC", "UTC+00:00"],
  ["Asia/Kolkata", "2026-07-15T12:00:00Z", "15 Jul 2026, 17:30", "IST", "UTC+05:30"],
  ["Asia/Kathmandu", "2026-07-15T12:00:00Z", "15 Jul 2026, 17:45", "GMT+5:45", "UTC+05:45"],
  ["America/St_Johns", "2026-03-08T05:29:00Z", "8 Mar 2026, 01:59", "NST", "UTC−03:30"],
  ["America/St_Johns", "2026-03-08T05:30:00Z", "8 Mar 2026, 03:00", "NDT", "UTC−02:30"],
  ["Australia/Lord_Howe", "2026-04-04T14:59:00Z", "5 Apr 2026, 01:59", "LHDT", "UTC+11:00"],
  ["Australia/Lord_Howe", "2026-04-04T15:00:00Z", "5 Apr 2026, 01:30", "LHST", "UTC+10:30"],
  ["Australia/Sydney", "2026-01-15T12:00:00Z", "15 Jan 2026, 23:00", "AEDT", "UTC+11:00"],
  ["Pacific/Auckland", "2026-07-15T12:00:00Z", "16 Jul 2026, 00:00", "NZST", "UTC+12:00"],
  ["America/Phoenix", "2026-07-15T12:00:00Z", "15 Jul 2026, 05:00", "MST", "UTC−07:00"],
  ["America/New_York", "2026-07-15T12:00:00Z", "15 Jul 2026, 08:00", "EDT", "UTC−04:00"],
  ["Asia/Tokyo", "2026-07-15T12:00:00Z", "15 Jul 2026, 21:00", "GMT+9", "UTC+09:00"],
  ["America/Sao_Paulo", "2026-07-15T12:00:00Z", "15 Jul 2026, 09:00", "GMT-3", "UTC−03:00"],
];

describe("one formatter over many zones", () => {
  it.each(ZONES)("%s at %s", (zone, at, wall, abbr, offset) => {
    expect(zoneAbbreviation(zone, at)).toBe(abbr);
    expect(offsetLabel(zoneOffsetMinutes(zone, at))).toBe(offset);
    expect(formatInZone(at, zone)).toBe(`${wall} ${abbr}`);
    // The schedule's labels (calendar, gate messages) name the zone the same way.
    expect(formatLocal(new Date(at), zone, "time")).toBe(`${wall.slice(-5)} ${abbr}`);
    expect(formatInZoneSeconds(at, zone)).toMatch(new RegExp(`:00 ${abbr.replace("+", "\\+")}$`));
  });

  it("repeats the zone in a range that crosses a DST change", () => {
    expect(
      formatLocalRange(new Date("2026-03-08T06:00:00Z"), new Date("2026-03-08T10:00:00Z"), "America/Chicago"),
    ).toBe("Sun 8 Mar 2026 00:00 CST – 05:00 CDT");
  });

  it("names an unknown zone rather than failing", () => {
    expect(zoneAbbreviation("Mars/Olympus", "2026-07-15T12:00:00Z")).toBe("Mars/Olympus");
  });
});

describe("site-zone instants", () => {
  it("shows an instant in the site's zone with its abbreviation, DST-correct", () => {
    expect(formatInZone("2026-03-14T07:00:00Z", "America/Chicago")).toBe("14 Mar 2026, 02:00 CDT");
    expect(formatInZone("2026-01-14T07:00:00Z", "America/Chicago")).toBe("14 Jan 2026, 01:00 CST");
    expect(formatInZone(new Date("2026-07-14T07:00:00Z"), "Europe/Berlin")).toBe("14 Jul 2026, 09:00 CEST");
    expect(formatInZone(new Date("2026-01-14T07:00:00Z"), "Europe/Berlin")).toBe("14 Jan 2026, 08:00 CET");
    expect(formatInZone(null, "Europe/Berlin")).toBe("—");
    expect(formatUtc("2026-01-14T07:00:00.000Z")).toBe("14 Jan 2026, 07:00 UTC");
  });

  it("names the zone's abbreviation at a given instant", () => {
    expect(zoneAbbreviation("America/Chicago", "2026-07-01T12:00:00Z")).toBe("CDT");
    expect(zoneAbbreviation("Europe/Berlin", "2026-12-01T12:00:00Z")).toBe("CET");
  });

  it("round-trips datetime-local values through the site's zone", () => {
    expect(localInputToUtc("2026-11-01T00:30", "America/Chicago")).toBe("2026-11-01T05:30:00Z");
    expect(toLocalInput("2026-11-01T05:30:00Z", "America/Chicago")).toBe("2026-11-01T00:30");
    expect(localInputToUtc("2026-06-10T09:15", "Europe/Berlin")).toBe("2026-06-10T07:15:00Z");
  });

  it("moves a wall time in the spring-forward gap forward, as clocks do", () => {
    expect(localInputToUtc("2026-03-08T02:30", "America/Chicago")).toBe("2026-03-08T08:30:00Z");
  });

  it("gives null for blank or malformed input", () => {
    expect(localInputToUtc("", "America/Chicago")).toBeNull();
    expect(localInputToUtc("2026-02-30T10:00", "America/Chicago")).toBeNull();
    expect(localInputToUtc("yesterday", "America/Chicago")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  defaultWindowStart,
  formatLocal,
  formatLocalRange,
  localToUtc,
  toLocalIso,
  utcToLocal,
  type LocalStyle,
} from "./time";

const CHI = "America/Chicago";
const BER = "Europe/Berlin";

describe("localToUtc", () => {
  it.each([
    // US spring forward 2026-03-08: 02:00 CST jumps to 03:00 CDT
    [CHI, "2026-03-08T01:59", "2026-03-08T07:59:00.000Z"],
    [CHI, "2026-03-08T02:00", "2026-03-08T08:00:00.000Z"], // gap → offset before (CST)
    [CHI, "2026-03-08T02:30", "2026-03-08T08:30:00.000Z"], // gap → 03:30 CDT
    [CHI, "2026-03-08T03:00", "2026-03-08T08:00:00.000Z"],
    // US fall back 2026-11-01: 01:00–01:59 happens twice
    [CHI, "2026-11-01T00:59", "2026-11-01T05:59:00.000Z"],
    [CHI, "2026-11-01T01:00", "2026-11-01T06:00:00.000Z"], // first (CDT)
    [CHI, "2026-11-01T01:30", "2026-11-01T06:30:00.000Z"], // first (CDT)
    [CHI, "2026-11-01T02:00", "2026-11-01T08:00:00.000Z"],
    [CHI, "2027-03-14T02:30", "2027-03-14T08:30:00.000Z"],
    [CHI, "2027-11-07T01:30", "2027-11-07T06:30:00.000Z"],
    [CHI, "2027-01-15T12:00", "2027-01-15T18:00:00.000Z"],
    [CHI, "2027-07-15T12:00", "2027-07-15T17:00:00.000Z"],
    // EU spring forward 02:00 CET → 03:00 CEST, fall back 03:00 CEST → 02:00 CET
    [BER, "2026-03-29T01:59", "2026-03-29T00:59:00.000Z"],
    [BER, "2026-03-29T02:30", "2026-03-29T01:30:00.000Z"], // gap → 03:30 CEST
    [BER, "2026-03-29T03:00", "2026-03-29T01:00:00.000Z"],
    [BER, "2026-10-25T02:30", "2026-10-25T00:30:00.000Z"], // first (CEST)
    [BER, "2026-10-25T03:00", "2026-10-25T02:00:00.000Z"],
    [BER, "2027-03-28T02:00", "2027-03-28T01:00:00.000Z"],
    [BER, "2027-10-31T02:59", "2027-10-31T00:59:00.000Z"],
    ["UTC", "2027-03-14T02:30", "2027-03-14T02:30:00.000Z"],
    ["Asia/Kolkata", "2027-03-14T02:30", "2027-03-13T21:00:00.000Z"],
  ])("%s %s → %s", (tz, local, expected) => {
    expect(localToUtc(local, tz).toISOString()).toBe(expected);
  });

  it.each([
    ["2027-02-29T01:00", CHI],
    ["2027-03-14 01:00", CHI],
    ["2027-13-01T01:00", CHI],
    ["2027-03-14T24:00", CHI],
    ["2027-03-14T01:00", "Mars/Olympus_Mons"],
  ])("rejects %s in %s", (local, tz) => {
    expect(() => localToUtc(local, tz)).toThrow(RangeError);
  });
});

describe("utcToLocal", () => {
  it.each([
    [CHI, "2026-11-01T06:30:00.000Z", "2026-11-01T01:30", "CDT", "-05:00"],
    [CHI, "2026-11-01T07:30:00.000Z", "2026-11-01T01:30", "CST", "-06:00"],
    [CHI, "2027-03-14T08:30:00.000Z", "2027-03-14T03:30", "CDT", "-05:00"],
    [BER, "2026-10-25T00:30:00.000Z", "2026-10-25T02:30", "CEST", "+02:00"],
    [BER, "2026-10-25T01:30:00.000Z", "2026-10-25T02:30", "CET", "+01:00"],
    ["Asia/Kolkata", "2027-03-13T21:00:00.000Z", "2027-03-14T02:30", "IST", "+05:30"],
    ["UTC", "2027-03-14T02:30:00.000Z", "2027-03-14T02:30", "UTC", "+00:00"],
  ])("%s %s → %s %s", (tz, iso, local, abbr, offset) => {
    expect(utcToLocal(new Date(iso), tz)).toEqual({ local, abbr, offset });
  });
});

describe("formatLocal", () => {
  it.each<[string, string, LocalStyle | undefined, string]>([
    [CHI, "2027-03-14T08:30:00.000Z", undefined, "Sun 14 Mar 2027 03:30 CDT"],
    [CHI, "2027-03-14T08:30:00.000Z", "date", "Sun 14 Mar 2027"],
    [CHI, "2027-03-14T08:30:00.000Z", "time", "03:30 CDT"],
    [CHI, "2027-03-14T08:30:00.000Z", "weekday-time", "Sun 03:30 CDT"],
    [CHI, "2027-03-14T08:30:00.000Z", "iso", "2027-03-14T03:30:00.000-05:00"],
    [CHI, "2027-03-07T08:00:00.000Z", "weekday-time", "Sun 02:00 CST"],
    [BER, "2027-10-31T00:30:00.000Z", "datetime", "Sun 31 Oct 2027 02:30 CEST"],
    [BER, "2027-10-31T01:30:00.000Z", "datetime", "Sun 31 Oct 2027 02:30 CET"],
    [BER, "2027-09-05T12:00:00.000Z", "datetime", "Sun 5 Sep 2027 14:00 CEST"],
  ])("%s %s (%s) → %s", (tz, iso, style, expected) => {
    expect(formatLocal(new Date(iso), tz, style)).toBe(expected);
  });

  it("writes ISO local times with a numeric offset, never Z", () => {
    expect(toLocalIso(new Date("2027-01-01T00:00:00.000Z"), "UTC")).toBe("2027-01-01T00:00:00.000+00:00");
  });
});

describe("formatLocalRange", () => {
  it.each([
    [CHI, "2027-03-14T07:00:00.000Z", "2027-03-14T11:00:00.000Z", "Sun 14 Mar 2027 01:00 CST – 06:00 CDT"],
    [CHI, "2027-03-14T08:00:00.000Z", "2027-03-14T12:00:00.000Z", "Sun 14 Mar 2027 03:00–07:00 CDT"],
    [
      CHI,
      "2027-03-07T04:00:00.000Z",
      "2027-03-07T08:00:00.000Z",
      "Sat 6 Mar 2027 22:00 – Sun 7 Mar 2027 02:00 CST",
    ],
    [BER, "2027-10-31T00:00:00.000Z", "2027-10-31T02:00:00.000Z", "Sun 31 Oct 2027 02:00 CEST – 03:00 CET"],
  ])("%s %s–%s", (tz, start, end, expected) => {
    expect(formatLocalRange(new Date(start), new Date(end), tz)).toBe(expected);
  });
});

describe("defaultWindowStart", () => {
  it.each<[string, string, string]>([
    // Wed 2 Dec 2026 09:16 CST: the next night, not today's 01:00 already past.
    ["2026-12-02T15:16:00Z", "America/Chicago", "2026-12-03T01:00"],
    // 23:30 CST on 2 Dec is 05:30Z on 3 Dec: the day after the site's date, not UTC's.
    ["2026-12-03T05:30:00Z", "America/Chicago", "2026-12-03T01:00"],
    // Sat 13 Mar 2027 12:00 CST; the next day springs forward at 02:00, 01:00 still exists.
    ["2027-03-13T18:00:00Z", "America/Chicago", "2027-03-14T01:00"],
    // Sat 30 Oct 2027 23:30 CEST in Berlin: the next day is 31 Oct (the autumn change).
    ["2027-10-30T21:30:00Z", "Europe/Berlin", "2027-10-31T01:00"],
    ["2026-12-02T20:00:00Z", "Asia/Kolkata", "2026-12-04T01:00"],
  ])("%s in %s → %s", (now, tz, expected) => {
    expect(defaultWindowStart(new Date(now), tz)).toBe(expected);
  });
});

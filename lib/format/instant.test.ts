import { describe, expect, it } from "vitest";
import { formatInZone, formatUtc, localInputToUtc, toLocalInput, zoneAbbreviation } from "./instant";

describe("site-zone instants", () => {
  it("shows an instant in the site's zone with its abbreviation, DST-correct", () => {
    expect(formatInZone("2026-03-14T07:00:00Z", "America/Chicago")).toBe("14 Mar 2026, 02:00 CDT");
    expect(formatInZone("2026-01-14T07:00:00Z", "America/Chicago")).toBe("14 Jan 2026, 01:00 CST");
    expect(formatInZone(new Date("2026-07-14T07:00:00Z"), "Europe/Berlin")).toBe("14 Jul 2026, 09:00 CEST");
    expect(formatInZone(new Date("2026-01-14T07:00:00Z"), "Europe/Berlin")).toBe("14 Jan 2026, 08:00 CET");
    expect(formatInZone(null, "Europe/Berlin")).toBe("—");
    expect(formatUtc("2026-01-14T07:00:00.000Z")).toBe("2026-01-14 07:00 UTC");
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

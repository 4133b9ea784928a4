import { describe, expect, it } from "vitest";
import { auditTime, dayStartUtc } from "./display-time";

describe("audit times", () => {
  it("shows the plant's clock with its abbreviation, DST-correct, and UTC beside it", () => {
    expect(auditTime("2026-03-08T07:59:59.000Z", "America/Chicago")).toEqual({
      local: "2026-03-08 01:59:59 CST",
      utc: "2026-03-08 07:59:59 UTC",
    });
    expect(auditTime("2026-03-08T08:00:00.000Z", "America/Chicago").local).toBe("2026-03-08 03:00:00 CDT");
    expect(auditTime("2026-07-01T12:00:00.000Z", "Europe/Berlin").local).toBe("2026-07-01 14:00:00 CEST");
    expect(auditTime("2026-01-01T12:00:00.000Z", "Europe/Berlin").local).toBe("2026-01-01 13:00:00 CET");
  });

  it("shows site-less events in UTC", () => {
    expect(auditTime("2026-01-01T12:00:00.000Z", null)).toEqual({
      local: "2026-01-01 12:00:00 UTC",
      utc: "2026-01-01 12:00:00 UTC",
    });
  });

  it("turns a local calendar day into the UTC instant it starts, across DST", () => {
    expect(dayStartUtc("2026-03-08", "America/Chicago")).toBe("2026-03-08T06:00:00Z");
    expect(dayStartUtc("2026-03-08", "America/Chicago", 1)).toBe("2026-03-09T05:00:00Z");
    expect(dayStartUtc("2026-10-25", "Europe/Berlin", 1)).toBe("2026-10-25T23:00:00Z");
    expect(dayStartUtc("2026-02-30", "UTC")).toBeNull();
    expect(dayStartUtc("yesterday", "UTC")).toBeNull();
  });
});

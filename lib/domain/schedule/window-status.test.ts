import { describe, expect, it } from "vitest";
import { win } from "./fixtures.test-support";
import { windowStanding, windowStatusLabel } from "./window-status";

const def = win;
const at = (iso: string) => new Date(iso);
const startOf = (s: ReturnType<typeof windowStanding>) => s.occurrence?.start.toISOString() ?? null;

describe("windowStanding", () => {
  it("is open during an occurrence and names that one", () => {
    // Sunday 8 Mar 2026 01:00 CST is 07:00Z; 02:00 CST jumps to CDT that day, the end is 05:00 CDT.
    const s = windowStanding(def({}), at("2026-03-08T08:30:00Z"));
    expect(s.status).toBe("open");
    expect(startOf(s)).toBe("2026-03-08T07:00:00.000Z");
  });

  it("is upcoming between occurrences and names the next one", () => {
    const s = windowStanding(def({}), at("2026-03-10T12:00:00Z"));
    expect(s.status).toBe("upcoming");
    expect(startOf(s)).toBe("2026-03-15T06:00:00.000Z");
  });

  it("skips a cancelled occurrence", () => {
    const s = windowStanding(def({ exdatesLocal: ["2026-03-15T01:00"] }), at("2026-03-10T12:00:00Z"));
    expect(startOf(s)).toBe("2026-03-22T06:00:00.000Z");
  });

  it("finds a one-off and a weekly series that start years ahead, beyond the widest span", () => {
    const far = windowStanding(
      def({ rrule: null, localStart: "2030-03-16T00:00" }),
      new Date("2026-12-02T15:00:00Z"),
    );
    expect(far.status).toBe("upcoming");
    expect(far.occurrence?.start.toISOString()).toBe("2030-03-16T05:00:00.000Z");
    const series = windowStanding(def({ localStart: "2031-01-05T01:00" }), new Date("2026-12-02T15:00:00Z"));
    expect(series.status).toBe("upcoming");
  });

  it("finds a yearly one-off months ahead", () => {
    const s = windowStanding(
      def({ rrule: null, localStart: "2027-06-01T06:00" }),
      at("2026-03-10T12:00:00Z"),
    );
    expect(s.status).toBe("upcoming");
    expect(startOf(s)).toBe("2027-06-01T11:00:00.000Z");
  });

  it("is past when the series has ended, and names its last occurrence", () => {
    const s = windowStanding(def({ untilLocal: "2026-03-22" }), at("2026-04-10T12:00:00Z"));
    expect(s.status).toBe("past");
    expect(startOf(s)).toBe("2026-03-22T06:00:00.000Z");
  });

  it("is past with no occurrence when the last one is years behind", () => {
    const s = windowStanding(def({ rrule: null }), at("2030-01-01T00:00:00Z"));
    expect(s).toEqual({ status: "past", occurrence: null });
  });
});

describe("windowStatusLabel", () => {
  it("says a blackout is in force and a maintenance window open", () => {
    expect(windowStatusLabel("blackout", "open")).toBe("In force now");
    expect(windowStatusLabel("maintenance", "open")).toBe("Open now");
    expect(windowStatusLabel("blackout", "upcoming")).toBe("Upcoming");
    expect(windowStatusLabel("maintenance", "past")).toBe("Past");
  });
});

import { describe, expect, it } from "vitest";
import { mondayUtc, weeklyFigures } from "./trends";

const at = (s: string) => new Date(s);

describe("weekly dashboard figures", () => {
  it("starts weeks on Monday 00:00 UTC", () => {
    expect(mondayUtc(at("2026-12-02T15:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(mondayUtc(at("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(mondayUtc(at("2026-12-06T23:59:59Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("counts starts per week by class and the median lead time from submission", () => {
    const weeks = weeklyFigures(
      [
        { class: "normal", submittedAt: at("2026-11-20T00:00:00Z"), actualStart: at("2026-11-24T00:00:00Z") },
        { class: "normal", submittedAt: at("2026-11-16T00:00:00Z"), actualStart: at("2026-11-25T00:00:00Z") },
        {
          class: "standard",
          submittedAt: at("2026-11-23T00:00:00Z"),
          actualStart: at("2026-11-29T23:00:00Z"),
        },
        {
          class: "emergency",
          submittedAt: at("2026-12-01T10:00:00Z"),
          actualStart: at("2026-12-01T12:00:00Z"),
        },
        // Outside the three weeks shown.
        { class: "normal", submittedAt: null, actualStart: at("2026-11-01T00:00:00Z") },
      ],
      at("2026-12-02T15:00:00Z"),
      3,
    );
    expect(weeks.map((w) => w.weekStart.slice(0, 10))).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(weeks[0]).toEqual({
      weekStart: "2026-11-16T00:00:00.000Z",
      started: { standard: 0, normal: 0, emergency: 0 },
      medianLeadDays: null,
    });
    expect(weeks[1]!.started).toEqual({ standard: 1, normal: 2, emergency: 0 });
    // Leads of 4, 9 and 6.96 days: the median is the middle one.
    expect(weeks[1]!.medianLeadDays).toBe(7);
    expect(weeks[2]).toMatchObject({
      started: { standard: 0, normal: 0, emergency: 1 },
      medianLeadDays: 0.1,
    });
  });
});

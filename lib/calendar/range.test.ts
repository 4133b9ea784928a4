import { describe, expect, it } from "vitest";
import { normaliseDate, parseView, viewRange, weeksOf } from "./range";
import { requestRange } from "./request-range";

const CHI = "America/Chicago";
const BER = "Europe/Berlin";
const NOW = new Date("2027-03-14T12:00:00Z");

describe("viewRange", () => {
  it("month grid spans whole ISO weeks around the month, in site-local days", () => {
    const r = viewRange("month", "2027-03-14", NOW, CHI);
    expect(r.title).toBe("March 2027");
    expect(r.days).toHaveLength(35);
    expect(r.days[0]!.key).toBe("2027-03-01");
    expect(r.days[34]!.key).toBe("2027-04-04");
    expect(r.from.toISOString()).toBe("2027-03-01T06:00:00.000Z");
    expect(r.to.toISOString()).toBe("2027-04-05T05:00:00.000Z");
    expect(r.days.filter((d) => d.inFocus)).toHaveLength(31);
    expect(r.days[31]!.inFocus).toBe(false);
    expect(r.prevDate).toBe("2027-02-01");
    expect(r.nextDate).toBe("2027-04-01");
    expect(weeksOf(r.days)).toHaveLength(5);
  });

  it("the spring-forward day is 23 hours long and the fall-back day 25", () => {
    const march = viewRange("week", "2027-03-14", NOW, CHI).days.find((d) => d.key === "2027-03-14")!;
    expect(march.start.toISOString()).toBe("2027-03-14T06:00:00.000Z");
    expect(march.end.toISOString()).toBe("2027-03-15T05:00:00.000Z");
    const nov = viewRange("week", "2027-11-07", NOW, CHI).days.find((d) => d.key === "2027-11-07")!;
    expect(nov.start.toISOString()).toBe("2027-11-07T05:00:00.000Z");
    expect(nov.end.toISOString()).toBe("2027-11-08T06:00:00.000Z");
  });

  it("week view runs Monday to Sunday with labels and navigation", () => {
    const r = viewRange("week", "2027-03-14", NOW, CHI);
    expect(r.days.map((d) => d.weekday)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(r.title).toBe("8 – 14 Mar 2027");
    expect(r.from.toISOString()).toBe("2027-03-08T06:00:00.000Z");
    expect(r.to.toISOString()).toBe("2027-03-15T05:00:00.000Z");
    expect(r.prevDate).toBe("2027-03-01");
    expect(r.nextDate).toBe("2027-03-15");
    expect(r.days[6]!.label).toBe("Sun 14 Mar 2027");
    expect(r.days[6]!.isToday).toBe(true);
  });

  it("a week across a month boundary names both months; Berlin days start at local midnight", () => {
    const r = viewRange("timeline", "2027-03-31", NOW, BER);
    expect(r.title).toBe("29 Mar – 4 Apr 2027");
    expect(r.from.toISOString()).toBe("2027-03-28T22:00:00.000Z");
    expect(r.to.toISOString()).toBe("2027-04-04T22:00:00.000Z");
  });

  it("today is the site's date, not UTC's", () => {
    const late = new Date("2027-03-15T03:00:00Z"); // 22:00 CDT on the 14th in Chicago
    expect(viewRange("month", undefined, late, CHI).todayDate).toBe("2027-03-14");
    expect(viewRange("month", undefined, late, BER).todayDate).toBe("2027-03-15");
  });
});

describe("input parsing", () => {
  it("falls back to today and month view for junk", () => {
    expect(normaliseDate("2027-02-30", NOW, CHI)).toBe("2027-03-14");
    expect(normaliseDate("yesterday", NOW, CHI)).toBe("2027-03-14");
    expect(normaliseDate("0001-01-01", NOW, CHI)).toBe("2027-03-14");
    expect(normaliseDate("2027-12-31", NOW, CHI)).toBe("2027-12-31");
    expect(parseView("week")).toBe("week");
    expect(parseView("year")).toBe("month");
    expect(parseView(undefined)).toBe("month");
  });
});

describe("requestRange", () => {
  it("asks for exactly the shown days when the date is given", () => {
    expect(requestRange("month", "2027-03-14", NOW)).toEqual({
      from: "2027-03-01T00:00",
      to: "2027-04-05T00:00",
    });
    expect(requestRange("week", "2027-03-14", NOW)).toEqual({
      from: "2027-03-08T00:00",
      to: "2027-03-15T00:00",
    });
  });
  it("covers every zone's today when no date is given", () => {
    // 00:30Z on 1 April: still 31 March in Chicago, already 1 April in Berlin.
    const now = new Date("2027-04-01T00:30:00Z");
    const r = requestRange("month", undefined, now);
    expect(r).toEqual({ from: "2027-03-01T00:00", to: "2027-05-03T00:00" });
    for (const tz of [CHI, BER, "Pacific/Kiritimati", "Etc/GMT+12"]) {
      const v = viewRange("month", undefined, now, tz);
      expect(v.days[0]!.key >= r.from.slice(0, 10)).toBe(true);
      expect(v.days[v.days.length - 1]!.key < r.to.slice(0, 10)).toBe(true);
    }
  });
});

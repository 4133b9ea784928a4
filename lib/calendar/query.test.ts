import { describe, expect, it } from "vitest";
import { calendarHref, parseCalendarQuery } from "./query";

describe("calendar query", () => {
  it("parses repeated and comma-separated filters, dropping junk", () => {
    const q = parseCalendarQuery({
      site: "gcr",
      view: "week",
      date: "2027-03-14",
      area: ["cdu,FCC", "cdu"],
      state: ["approved", "bogus"],
    });
    expect(q).toEqual({
      site: "GCR",
      view: "week",
      date: "2027-03-14",
      areas: ["CDU", "FCC"],
      states: ["approved"],
    });
  });
  it("defaults view and ignores malformed dates", () => {
    expect(parseCalendarQuery({ view: "year", date: "14/03/2027" })).toEqual({
      site: null,
      view: "month",
      date: undefined,
      areas: [],
      states: [],
    });
  });
  it("round-trips through the href with patches", () => {
    const q = parseCalendarQuery({ site: "GCR", area: "CDU", state: "submitted" });
    const href = calendarHref(q, { view: "timeline", date: "2027-04-01" });
    expect(href).toBe("/calendar?site=GCR&view=timeline&date=2027-04-01&area=CDU&state=submitted");
    const back = parseCalendarQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back.view).toBe("timeline");
  });
});

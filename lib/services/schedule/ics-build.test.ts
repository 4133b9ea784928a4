// The feed must mean to a calendar client exactly what expandWindow means to the gate: each
// definition is rendered, parsed back with ical.js (an independent implementation) and
// expanded, and the UTC instants compared with expandWindow's.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { expandWindow, type WindowDef } from "@/lib/domain/schedule";
import { buildIcs } from "./ics-build";

const NOW = new Date("2027-01-01T00:00:00Z");

function def(over: Partial<WindowDef>): WindowDef {
  return {
    id: "w1",
    siteId: "s",
    kind: "maintenance",
    title: "W",
    areaIds: [],
    localStart: "2027-01-03T01:00",
    durationMinutes: 240,
    rrule: "FREQ=WEEKLY;BYDAY=SU",
    untilLocal: null,
    exdatesLocal: [],
    timeZone: "America/Chicago",
    ...over,
  };
}

function viaIcal(d: WindowDef, from: Date, to: Date) {
  const text = buildIcs({
    site: { code: "X", name: "X plant", timeZone: d.timeZone },
    windows: [{ def: d, sequence: 3, summary: "s", areaCodes: [], updatedAt: new Date() }],
    changes: [],
    now: NOW,
  });
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const event = new ICAL.Event(root.getFirstSubcomponent("vevent")!);
  const out: { start: string; end: string }[] = [];
  const it = event.iterator();
  for (let next = it.next(); next; next = it.next()) {
    const start = next.toJSDate();
    if (start >= to) break;
    const end = new Date(start.getTime() + event.duration.toSeconds() * 1000);
    if (end > from) out.push({ start: start.toISOString(), end: end.toISOString() });
  }
  return { out, text, event };
}

const viaRules = (d: WindowDef, from: Date, to: Date) =>
  expandWindow(d, from, to).map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() }));

describe("ICS rendering of windows agrees with expandWindow", () => {
  const cases: [string, Partial<WindowDef>, string, string][] = [
    ["weekly across the US spring change", {}, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"],
    ["weekly across the US fall change", {}, "2027-10-25T00:00:00Z", "2027-11-20T00:00:00Z"],
    [
      "first occurrence spanning the spring change",
      { localStart: "2027-03-14T01:00" },
      "2027-03-10T00:00:00Z",
      "2027-04-01T00:00:00Z",
    ],
    [
      "Berlin, Saturday night across October",
      {
        timeZone: "Europe/Berlin",
        localStart: "2027-10-02T02:30",
        durationMinutes: 90,
        rrule: "FREQ=WEEKLY;BYDAY=SA",
      },
      "2027-10-01T00:00:00Z",
      "2027-11-10T00:00:00Z",
    ],
    [
      "until a local date, with cancelled occurrences",
      { untilLocal: "2027-02-14", exdatesLocal: ["2027-01-17T01:00", "2027-02-07T01:00"] },
      "2027-01-01T00:00:00Z",
      "2027-03-01T00:00:00Z",
    ],
    [
      "COUNT with a cancelled occurrence",
      { rrule: "FREQ=WEEKLY;BYDAY=SU;COUNT=4", exdatesLocal: ["2027-01-10T01:00"] },
      "2027-01-01T00:00:00Z",
      "2027-03-01T00:00:00Z",
    ],
    [
      "monthly on the first Sunday",
      { rrule: "FREQ=MONTHLY;BYDAY=1SU", localStart: "2027-01-03T02:00", durationMinutes: 180 },
      "2027-01-01T00:00:00Z",
      "2027-12-31T00:00:00Z",
    ],
    [
      "a start that the rule does not produce",
      { localStart: "2027-01-05T01:00" },
      "2027-01-01T00:00:00Z",
      "2027-02-01T00:00:00Z",
    ],
    [
      "a start in the repeated fall-back hour (first occurrence, as RFC 5545 says)",
      { localStart: "2027-10-03T01:30" },
      "2027-10-25T00:00:00Z",
      "2027-11-20T00:00:00Z",
    ],
    [
      "a start in the spring-forward gap (offset before the gap)",
      { localStart: "2027-02-07T02:30" },
      "2027-03-01T00:00:00Z",
      "2027-04-01T00:00:00Z",
    ],
    [
      "Berlin, a start in the March gap",
      { timeZone: "Europe/Berlin", localStart: "2027-03-07T02:30", rrule: "FREQ=WEEKLY;BYDAY=SU" },
      "2027-03-20T00:00:00Z",
      "2027-04-10T00:00:00Z",
    ],
    [
      "a one-off",
      { rrule: null, localStart: "2027-07-04T22:00", durationMinutes: 600 },
      "2027-07-01T00:00:00Z",
      "2027-08-01T00:00:00Z",
    ],
  ];
  it.each(cases)("%s", (_name, over, from, to) => {
    const d = def(over);
    const [f, t] = [new Date(from), new Date(to)];
    const expected = viaRules(d, f, t);
    expect(expected.length).toBeGreaterThan(0);
    expect(viaIcal(d, f, t).out).toEqual(expected);
  });

  it("pins the repeated-hour occurrence with EXDATE and an RDATE in UTC", () => {
    const { text } = viaIcal(def({}), new Date(0), new Date(1));
    expect(text).toMatch(/EXDATE;TZID=America\/Chicago:[0-9T,]*20271107T010000/);
    expect(text).toMatch(/RDATE:[0-9TZ,]*20271107T060000Z/);
  });

  it("writes UNTIL in UTC, EXDATE in the site zone, stable UID and the sequence", () => {
    const { text, event } = viaIcal(
      def({ untilLocal: "2027-02-14", exdatesLocal: ["2027-01-17T01:00"] }),
      new Date(0),
      new Date(1),
    );
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20270215T055959Z/);
    expect(text).toMatch(/EXDATE;TZID=America\/Chicago:20270117T010000/);
    expect(event.uid).toBe("window-w1@interlock");
    expect(event.sequence).toBe(3);
  });
});

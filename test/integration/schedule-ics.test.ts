import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFromFeedToken } from "@/lib/auth/feed";
import { cancelOccurrence } from "@/lib/services/schedule/cancel-occurrence";
import { createCalendarFeed } from "@/lib/services/schedule/create-calendar-feed";
import { revokeCalendarFeeds } from "@/lib/services/schedule/revoke-calendar-feeds";
import { calendarIcs } from "@/lib/services/schedule/calendar-ics";
import { createWindow } from "@/lib/services/schedule/create-window";
import { listOccurrences } from "@/lib/services/schedule/list-occurrences";
import { updateWindow } from "@/lib/services/schedule/update-window";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { insertAsset, insertChange } from "./schedule-helpers";

let db: Db;
let manager: Actor & { userId: string };
let berlinOnly: Actor;
let weeklyId: string;
let berlinWeeklyId: string;
let changeId: string;

beforeAll(async () => {
  db = await useTestDatabase();
  const site = await makeSite("ICS", "America/Chicago", ["U1"]);
  await makeSite("ICB", "Europe/Berlin", ["B1"]);
  manager = (await makeUser(["ICS:change_manager", "ICB:change_manager"])).actor as Actor & {
    userId: string;
  };
  berlinOnly = (await makeUser(["ICB:requester"])).actor;
  const weekly = await createWindow(manager, {
    site: "ICS",
    kind: "maintenance",
    title: "Sunday window",
    areas: ["U1"],
    start: "2027-01-03T01:00",
    durationMinutes: 240,
    rrule: "FREQ=WEEKLY;BYDAY=SU",
    until: "2027-12-31",
  });
  weeklyId = weekly.id;
  await cancelOccurrence(manager, weeklyId, { occurrenceStart: "2027-03-21T01:00" });
  await createWindow(manager, {
    site: "ICS",
    kind: "blackout",
    title: "Audit freeze",
    start: "2027-03-26T00:00",
    durationMinutes: 2880,
  });
  berlinWeeklyId = (
    await createWindow(manager, {
      site: "ICB",
      kind: "maintenance",
      title: "Samstag",
      start: "2027-10-02T02:30",
      durationMinutes: 90,
      rrule: "FREQ=WEEKLY;BYDAY=SA",
    })
  ).id;
  const plc = await insertAsset(db, site.id, site.areas[0]!.id, "PLC-ICS");
  changeId = (
    await insertChange(db, manager.userId, {
      state: "approved",
      start: "2027-03-14T07:30:00Z",
      end: "2027-03-14T09:00:00Z",
      assets: [plc],
    })
  ).id;
});

const NOW = new Date("2027-02-01T00:00:00Z");

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return root;
}

function events(root: ICAL.Component) {
  return root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

/** UTC instants of an event's occurrences in [from, to), expanded by ical.js. */
function expand(event: ICAL.Event, from: Date, to: Date): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let next = it.next(); next; next = it.next()) {
    const start = next.toJSDate();
    if (start >= to) break;
    const end = new Date(start.getTime() + event.duration.toSeconds() * 1000);
    if (end > from) out.push(start.toISOString());
  }
  return out;
}

describe("ICS feed", () => {
  it("carries a VTIMEZONE for the site zone and events in that TZID", async () => {
    const text = await calendarIcs(manager, "ICS", { now: NOW });
    const root = parse(text);
    const tzids = root.getAllSubcomponents("vtimezone").map((c) => c.getFirstPropertyValue("tzid"));
    expect(tzids).toEqual(["America/Chicago"]);
    const weekly = events(root).find((e) => e.uid === `window-${weeklyId}@interlock`)!;
    expect(weekly.startDate.zone?.tzid).toBe("America/Chicago");
    expect(weekly.isRecurring()).toBe(true);
    expect(text).toMatch(/DTSTART;TZID=America\/Chicago:20270103T010000/);
    expect(text).toMatch(/EXDATE;TZID=America\/Chicago:20270321T010000/);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it("expands the recurring window to the same UTC instants as listOccurrences across the March DST change", async () => {
    const from = new Date("2027-03-01T00:00:00Z");
    const to = new Date("2027-04-05T00:00:00Z");
    const weekly = events(parse(await calendarIcs(manager, "ICS", { now: NOW }))).find(
      (e) => e.uid === `window-${weeklyId}@interlock`,
    )!;
    const fromIcal = expand(weekly, from, to);
    const fromService = (
      await listOccurrences(manager, {
        site: "ICS",
        from: from.toISOString(),
        to: to.toISOString(),
        limit: 500,
      })
    ).items
      .filter((o) => o.windowId === weeklyId)
      .map((o) => o.start.toISOString());
    expect(fromIcal).toEqual(fromService);
    // Written out by hand: CST until 14 March, CDT after; 21 March cancelled.
    expect(fromIcal).toEqual([
      "2027-03-07T07:00:00.000Z",
      "2027-03-14T07:00:00.000Z",
      "2027-03-28T06:00:00.000Z",
      "2027-04-04T06:00:00.000Z",
    ]);
    expect(weekly.duration.toSeconds()).toBe(240 * 60);
  });

  it("agrees with listOccurrences in Berlin across the October change", async () => {
    const from = new Date("2027-10-01T00:00:00Z");
    const to = new Date("2027-11-10T00:00:00Z");
    const root = parse(await calendarIcs(manager, "ICB", { now: NOW }));
    expect(root.getAllSubcomponents("vtimezone").map((c) => c.getFirstPropertyValue("tzid"))).toEqual([
      "Europe/Berlin",
    ]);
    const weekly = events(root).find((e) => e.uid === `window-${berlinWeeklyId}@interlock`)!;
    const fromService = (
      await listOccurrences(manager, {
        site: "ICB",
        from: from.toISOString(),
        to: to.toISOString(),
        limit: 500,
      })
    ).items.map((o) => o.start.toISOString());
    expect(expand(weekly, from, to)).toEqual(fromService);
    expect(fromService.slice(3, 6)).toEqual([
      "2027-10-23T00:30:00.000Z",
      "2027-10-30T00:30:00.000Z",
      "2027-11-06T01:30:00.000Z",
    ]);
  });

  it("keeps UIDs stable between generations and bumps SEQUENCE on an update", async () => {
    const first = events(parse(await calendarIcs(manager, "ICS", { now: NOW })));
    const second = events(parse(await calendarIcs(manager, "ICS", { now: NOW })));
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    expect(first.map((e) => e.uid)).toContain(`change-${changeId}@interlock`);
    const before = first.find((e) => e.uid === `window-${weeklyId}@interlock`)!.sequence;
    await updateWindow(manager, weeklyId, { title: "Sunday window (extended)", durationMinutes: 300 });
    const after = events(parse(await calendarIcs(manager, "ICS", { now: NOW }))).find(
      (e) => e.uid === `window-${weeklyId}@interlock`,
    )!;
    expect(after.sequence).toBeGreaterThan(before);
    expect(after.summary).toBe("Maintenance window: Sunday window (extended)");
    expect(after.duration.toSeconds()).toBe(300 * 60);
  });

  it("shows scheduled changes in site time", async () => {
    const change = events(parse(await calendarIcs(manager, "ICS", { now: NOW }))).find(
      (e) => e.uid === `change-${changeId}@interlock`,
    )!;
    expect(change.startDate.toJSDate().toISOString()).toBe("2027-03-14T07:30:00.000Z");
    expect(change.startDate.zone?.tzid).toBe("America/Chicago");
    expect(change.summary).toMatch(/^CHG-TEST-.*: Test change/);
  });

  it("is 404 for a site the caller cannot see", async () => {
    await expect(calendarIcs(berlinOnly, "ICS")).rejects.toMatchObject({ code: "not_found" });
    await expect(calendarIcs(berlinOnly, "NOPE")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("secret feed URLs", () => {
  it("issues a URL per visible site, and regenerating revokes the old one (audited)", async () => {
    const first = await createCalendarFeed(berlinOnly, { baseUrl: "https://interlock.example/" });
    expect(first.feeds).toEqual([
      { siteCode: "ICB", url: `https://interlock.example/api/v1/calendar/ICB.ics?feed=${first.token}` },
    ]);
    const feedActor = await actorFromFeedToken(first.token, null);
    expect(feedActor?.email).toBe(berlinOnly.email);
    expect(await calendarIcs(feedActor!, "ICB")).toMatch(/^BEGIN:VCALENDAR/);
    await expect(calendarIcs(feedActor!, "ICS")).rejects.toMatchObject({ code: "not_found" });

    const second = await createCalendarFeed(berlinOnly, { baseUrl: "https://interlock.example" });
    expect(second.token).not.toBe(first.token);
    expect(await actorFromFeedToken(first.token, null)).toBeNull();
    expect(await actorFromFeedToken(second.token, null)).not.toBeNull();
    expect(await actorFromFeedToken("ilf_forged", null)).toBeNull();
    expect(await actorFromFeedToken("ilk_not_a_feed", null)).toBeNull();

    const actions = (
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorEmail, berlinOnly.email)))
    ).map((e) => e.action);
    expect(actions.filter((a) => a === "calendar_feed.create")).toHaveLength(2);
    expect(actions.filter((a) => a === "calendar_feed.revoke")).toHaveLength(1);

    expect(await revokeCalendarFeeds(berlinOnly)).toEqual({ revoked: 1 });
    expect(await actorFromFeedToken(second.token, null)).toBeNull();
  });
});

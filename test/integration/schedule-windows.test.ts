import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { cancelOccurrence } from "@/lib/services/schedule/cancel-occurrence";
import { createWindow } from "@/lib/services/schedule/create-window";
import { deleteWindow } from "@/lib/services/schedule/delete-window";
import { endSeries } from "@/lib/services/schedule/end-series";
import { getWindow } from "@/lib/services/schedule/get-window";
import { listOccurrences } from "@/lib/services/schedule/list-occurrences";
import { listWindows } from "@/lib/services/schedule/list-windows";
import { updateWindow } from "@/lib/services/schedule/update-window";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let db: Db;
let manager: Actor;
let operations: Actor;
let otherSite: Actor;
let auditor: Actor;

beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("WGC", "America/Chicago", ["U1", "U2"]);
  await makeSite("WRH", "Europe/Berlin", ["B1"]);
  manager = (await makeUser(["WGC:change_manager"])).actor;
  operations = (await makeUser(["WGC:operations"])).actor;
  auditor = (await makeUser(["WGC:auditor"])).actor;
  otherSite = (await makeUser(["WRH:change_manager"])).actor;
});

const weekly = {
  site: "WGC",
  kind: "maintenance" as const,
  title: "Sunday window",
  start: "2027-03-07T01:00",
  durationMinutes: 240,
  rrule: "FREQ=WEEKLY;BYDAY=SU",
};
const march = { site: "WGC", from: "2027-03-01T00:00", to: "2027-04-01T00:00", limit: 500 };

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; name?: string }) => e.code ?? e.name ?? String(e),
  );

describe("windows", () => {
  it("creates a recurring window with a readable summary and audits it", async () => {
    const w = await createWindow(manager, { ...weekly, until: "2027-03-31" });
    expect(w).toMatchObject({
      siteCode: "WGC",
      kind: "maintenance",
      start: "2027-03-07T01:00",
      areaCodes: [],
      until: "2027-03-31",
      sequence: 0,
    });
    expect(w.summary).toBe("Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2027");
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "window.create"), eq(auditEvents.objectId, w.id)));
    expect(event?.after).toMatchObject({ title: "Sunday window", rrule: "FREQ=WEEKLY;BYDAY=SU" });
  });

  it("expands occurrences in UTC with site-local times across the March DST change", async () => {
    const w = await createWindow(manager, { ...weekly, title: "Expand me", areas: ["U2"] });
    const page = await listOccurrences(manager, march);
    const mine = page.items.filter((o) => o.windowId === w.id);
    expect(mine.map((o) => o.start.toISOString())).toEqual([
      "2027-03-07T07:00:00.000Z",
      "2027-03-14T07:00:00.000Z",
      "2027-03-21T06:00:00.000Z",
      "2027-03-28T06:00:00.000Z",
    ]);
    expect(mine[0]).toMatchObject({
      siteCode: "WGC",
      areaCodes: ["U2"],
      localStart: "2027-03-07T01:00:00.000-06:00",
      timeZone: "America/Chicago",
      kind: "maintenance",
    });
    expect(mine[1]!.localStart).toBe("2027-03-14T01:00:00.000-06:00");
    expect(mine[2]!.localStart).toBe("2027-03-21T01:00:00.000-05:00");
    // Spans the 02:00 spring-forward: four elapsed hours end at 06:00 CDT, not 05:00.
    expect(mine[1]!.end.toISOString()).toBe("2027-03-14T11:00:00.000Z");
    expect(mine[1]!.localEnd).toBe("2027-03-14T06:00:00.000-05:00");
  });

  it("pages occurrences with a cursor", async () => {
    const first = await listOccurrences(manager, { ...march, limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const rest = await listOccurrences(manager, { ...march, limit: 500, cursor: first.nextCursor! });
    const all = await listOccurrences(manager, march);
    expect([...first.items, ...rest.items].map((o) => `${o.windowId}@${o.start.toISOString()}`)).toEqual(
      all.items.map((o) => `${o.windowId}@${o.start.toISOString()}`),
    );
  });

  it("refuses a range over 400 days and a bad cursor as invalid input", async () => {
    expect(
      await code(listOccurrences(manager, { site: "WGC", from: "2027-01-01T00:00", to: "2028-03-01T00:00" })),
    ).toBe("invalid");
    expect(await code(listOccurrences(manager, { ...march, cursor: "nonsense" }))).toBe("invalid");
  });

  it("cancels one occurrence, by UTC instant or by local start", async () => {
    const w = await createWindow(manager, { ...weekly, title: "Cancel me" });
    const after = await cancelOccurrence(manager, w.id, { occurrenceStart: "2027-03-14T07:00:00Z" });
    expect(after.cancelledOccurrences).toEqual(["2027-03-14T01:00"]);
    expect(after.sequence).toBe(1);
    await cancelOccurrence(manager, w.id, { occurrenceStart: "2027-03-21T01:00" });
    const starts = (await listOccurrences(manager, march)).items
      .filter((o) => o.windowId === w.id)
      .map((o) => o.start.toISOString());
    expect(starts).toEqual(["2027-03-07T07:00:00.000Z", "2027-03-28T06:00:00.000Z"]);
    expect(await code(cancelOccurrence(manager, w.id, { occurrenceStart: "2027-03-14T07:00:00Z" }))).toBe(
      "invalid",
    );
    expect(await code(cancelOccurrence(manager, w.id, { occurrenceStart: "2027-03-15T01:00" }))).toBe(
      "invalid",
    );
  });

  it("ends a series, keeping earlier occurrences", async () => {
    const w = await createWindow(manager, { ...weekly, title: "End me" });
    const ended = await endSeries(manager, w.id, { until: "2027-03-14" });
    expect(ended.until).toBe("2027-03-14");
    expect(ended.summary).toMatch(/until 14 Mar 2027$/);
    const starts = (await listOccurrences(manager, march)).items
      .filter((o) => o.windowId === w.id)
      .map((o) => o.start.toISOString());
    expect(starts).toEqual(["2027-03-07T07:00:00.000Z", "2027-03-14T07:00:00.000Z"]);
    const once = await createWindow(manager, { ...weekly, rrule: null, title: "Once" });
    expect(await code(endSeries(manager, once.id, { until: "2027-03-14" }))).toBe("invalid");
    expect(await code(endSeries(manager, w.id, { until: "2027-03-01" }))).toBe("invalid");
  });

  it("updates with a field-level audit diff and a sequence bump; If-Match mismatch is a conflict", async () => {
    const w = await createWindow(manager, {
      ...weekly,
      kind: "blackout",
      title: "Freeze",
      rrule: null,
      durationMinutes: 1440,
    });
    const u = await updateWindow(
      manager,
      w.id,
      { title: "Peak freeze", durationMinutes: 2880 },
      { expectedSequence: 0 },
    );
    expect(u).toMatchObject({ title: "Peak freeze", durationMinutes: 2880, sequence: 1, kind: "blackout" });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "window.update"), eq(auditEvents.objectId, w.id)));
    expect(event?.before).toMatchObject({ title: "Freeze", durationMinutes: 1440 });
    expect(event?.after).toMatchObject({ title: "Peak freeze", durationMinutes: 2880 });
    expect(Object.keys(event?.after as object)).not.toContain("kind");
    expect(await code(updateWindow(manager, w.id, { title: "Again" }, { expectedSequence: 0 }))).toBe(
      "conflict",
    );
  });

  it("reads an instant start as site-local wall time", async () => {
    const w = await createWindow(manager, {
      ...weekly,
      start: "2027-07-04T06:00:00Z",
      rrule: null,
      title: "Instant",
    });
    expect(w.start).toBe("2027-07-04T01:00");
  });

  it("refuses bad input with field errors, never a raw error", async () => {
    const bad = (input: object) => code(createWindow(manager, { ...weekly, ...input } as never));
    expect(await bad({ rrule: "FREQ=SECONDLY" })).toBe("ZodError");
    expect(await bad({ start: "2027-02-30T01:00" })).toBe("ZodError");
    expect(await bad({ durationMinutes: 0 })).toBe("ZodError");
    expect(await bad({ durationMinutes: 20161 })).toBe("ZodError");
    expect(await bad({ areas: ["NOPE"] })).toBe("invalid");
    expect(await bad({ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" })).toBe("invalid");
    expect(await bad({ until: "2027-01-01" })).toBe("invalid");
  });

  it("lets only change managers manage windows, and hides other sites", async () => {
    expect(await code(createWindow(operations, { ...weekly }))).toBe("forbidden");
    expect(await code(createWindow(auditor, { ...weekly }))).toBe("forbidden");
    expect(await code(createWindow(otherSite, { ...weekly }))).toBe("not_found");
    const w = await createWindow(manager, { ...weekly, title: "Private" });
    expect(await code(updateWindow(otherSite, w.id, { title: "x" }))).toBe("not_found");
    expect(await code(cancelOccurrence(otherSite, w.id, { occurrenceStart: "2027-03-14T01:00" }))).toBe(
      "not_found",
    );
    expect(await code(deleteWindow(otherSite, w.id))).toBe("not_found");
    expect(await code(getWindow(otherSite, w.id))).toBe("not_found");
    expect(await code(listOccurrences(otherSite, march))).toBe("not_found");
    expect(await code(updateWindow(operations, w.id, { title: "x" }))).toBe("forbidden");
    expect((await getWindow(auditor, w.id)).title).toBe("Private");
    expect(await code(getWindow(manager, "not-a-uuid"))).toBe("not_found");
  });

  it("deletes softly: gone from lists, kept in the trail", async () => {
    const w = await createWindow(manager, { ...weekly, title: "Delete me" });
    await deleteWindow(manager, w.id, { reason: "Duplicate" });
    expect((await listWindows(manager, "WGC")).some((x) => x.id === w.id)).toBe(false);
    expect((await listOccurrences(manager, march)).items.some((o) => o.windowId === w.id)).toBe(false);
    expect(await code(getWindow(manager, w.id))).toBe("not_found");
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "window.delete"), eq(auditEvents.objectId, w.id)));
    expect(event).toMatchObject({ reason: "Duplicate" });
  });

  it("lists definitions with summaries for people who can view the site", async () => {
    const list = await listWindows(auditor, "WGC");
    expect(list.length).toBeGreaterThan(3);
    expect(list.every((w) => w.summary.length > 0 && w.timeZone === "America/Chicago")).toBe(true);
    expect(list[0]!.kind).toBe("blackout");
  });
});

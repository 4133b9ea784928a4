import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as icsGET } from "@/app/api/v1/calendar/[file]/route";
import { POST as feedsPOST } from "@/app/api/v1/calendar-feeds/route";
import { PATCH as runPATCH, DELETE as runDELETE } from "@/app/api/v1/production-runs/[id]/route";
import { POST as importPOST } from "@/app/api/v1/production-runs/import/route";
import { GET as runsGET, POST as runsPOST } from "@/app/api/v1/production-runs/route";
import { POST as checkPOST } from "@/app/api/v1/schedule/check/route";
import { GET as slotsGET } from "@/app/api/v1/schedule/slots/route";
import { POST as cancelPOST } from "@/app/api/v1/windows/[id]/cancel-occurrence/route";
import { POST as endPOST } from "@/app/api/v1/windows/[id]/end-series/route";
import {
  DELETE as windowDELETE,
  GET as windowGET,
  PATCH as windowPATCH,
} from "@/app/api/v1/windows/[id]/route";
import { GET as windowsGET, POST as windowsPOST } from "@/app/api/v1/windows/route";
import type { Db } from "@/db/client";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { MALFORMED_BODIES, call, expectJson, expectProblem, type Handler } from "./api-helpers";
import { insertAsset } from "./schedule-helpers";

let db: Db;
let manager: string, operations: string, requester: string, outsider: string;
let plcId: string;

beforeAll(async () => {
  db = await useTestDatabase();
  const site = await makeSite("SAP", "America/Chicago", ["U1", "U2"]);
  await makeSite("SAQ", "Europe/Berlin", ["B1"]);
  manager = (await createToken((await makeUser(["SAP:change_manager"])).actor, { name: "m" })).token;
  operations = (await createToken((await makeUser(["SAP:operations"])).actor, { name: "o" })).token;
  requester = (await createToken((await makeUser(["SAP:requester"])).actor, { name: "r" })).token;
  outsider = (await createToken((await makeUser(["SAQ:change_manager"])).actor, { name: "x" })).token;
  plcId = (await insertAsset(db, site.id, site.areas[0]!.id, "PLC-API")).id;
});

const h = (x: unknown) => x as Handler;
const windowBody = JSON.stringify({
  siteCode: "SAP",
  kind: "maintenance",
  title: "Sunday",
  start: "2027-03-07T01:00",
  durationMinutes: 240,
  rrule: "FREQ=WEEKLY;BYDAY=SU",
});

describe("windows API", () => {
  let id: string;

  it("creates (201, Location, ETag), lists occurrences and reads the definition", async () => {
    const res = await call(h(windowsPOST), {
      method: "POST",
      path: "/api/v1/windows",
      body: windowBody,
      token: manager,
    });
    const created = await expectJson(res);
    expect(res.status).toBe(201);
    id = created.id as string;
    expect(res.headers.get("location")).toBe(`/api/v1/windows/${id}`);
    expect(res.headers.get("etag")).toBe('"0"');
    expect(created).toMatchObject({
      siteCode: "SAP",
      kind: "maintenance",
      areaCodes: [],
      start: "2027-03-07T01:00",
      durationMinutes: 240,
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      until: null,
    });
    const list = await expectJson(
      await call(h(windowsGET), {
        method: "GET",
        path: "/api/v1/windows?site=SAP&from=2027-03-01T00:00:00Z&to=2027-03-15T00:00:00Z",
        token: requester,
      }),
    );
    expect(list.items).toEqual([
      expect.objectContaining({
        windowId: id,
        start: "2027-03-07T07:00:00.000Z",
        end: "2027-03-07T11:00:00.000Z",
        localStart: "2027-03-07T01:00:00.000-06:00",
        timeZone: "America/Chicago",
        siteCode: "SAP",
        areaCodes: [],
      }),
      expect.objectContaining({ windowId: id, start: "2027-03-14T07:00:00.000Z" }),
    ]);
    expect(list.nextCursor).toBeNull();
    const got = await expectJson(
      await call(h(windowGET), {
        method: "GET",
        path: `/api/v1/windows/${id}`,
        params: { id },
        token: requester,
      }),
    );
    expect(got.summary).toBe("Every Sunday 01:00–05:00 CST/CDT");
  });

  it("patches with If-Match and answers 409 on a stale version", async () => {
    const ok = await call(h(windowPATCH), {
      method: "PATCH",
      path: `/api/v1/windows/${id}`,
      params: { id },
      body: JSON.stringify({ title: "Sunday work" }),
      token: manager,
      headers: { "if-match": '"0"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"1"');
    const stale = await expectProblem(
      await call(h(windowPATCH), {
        method: "PATCH",
        path: `/api/v1/windows/${id}`,
        params: { id },
        body: JSON.stringify({ title: "x" }),
        token: manager,
        headers: { "if-match": '"0"' },
      }),
      409,
    );
    // The stale-edit shape of changes and assets; currentSequence is the deprecated v1 name.
    expect(stale).toMatchObject({
      currentVersion: 1,
      currentSequence: 1,
      updatedBy: expect.any(String),
      updatedAt: expect.stringMatching(/Z$/),
    });
    await expectProblem(
      await call(h(windowPATCH), {
        method: "PATCH",
        path: `/api/v1/windows/${id}`,
        params: { id },
        body: JSON.stringify({ title: "x" }),
        token: manager,
        headers: { "if-match": "yesterday" },
      }),
      400,
    );
    const unknownField = await expectProblem(
      await call(h(windowPATCH), {
        method: "PATCH",
        path: `/api/v1/windows/${id}`,
        params: { id },
        body: JSON.stringify({ site: "SAQ" }),
        token: manager,
      }),
      422,
    );
    expect(unknownField.errors?.length).toBeGreaterThan(0);
  });

  it("cancels an occurrence and ends the series", async () => {
    const c = await expectJson(
      await call(h(cancelPOST), {
        method: "POST",
        path: `/api/v1/windows/${id}/cancel-occurrence`,
        params: { id },
        body: JSON.stringify({ occurrenceStart: "2027-03-14T07:00:00.000Z" }),
        token: manager,
      }),
    );
    expect(c.cancelledOccurrences).toEqual(["2027-03-14T01:00"]);
    const e = await expectJson(
      await call(h(endPOST), {
        method: "POST",
        path: `/api/v1/windows/${id}/end-series`,
        params: { id },
        body: JSON.stringify({ until: "2027-04-30" }),
        token: manager,
      }),
    );
    expect(e.summary).toBe("Every Sunday 01:00–05:00 CST/CDT, until 30 Apr 2027 (1 cancelled)");
    await expectProblem(
      await call(h(cancelPOST), {
        method: "POST",
        path: `/api/v1/windows/${id}/cancel-occurrence`,
        params: { id },
        body: JSON.stringify({ occurrenceStart: "2027-03-15T07:00:00Z" }),
        token: manager,
      }),
      422,
    );
  });

  it("refuses by role (403) and hides other sites (404), with problem+json", async () => {
    await expectProblem(
      await call(h(windowsPOST), {
        method: "POST",
        path: "/api/v1/windows",
        body: windowBody,
        token: operations,
      }),
      403,
    );
    await expectProblem(
      await call(h(windowsPOST), {
        method: "POST",
        path: "/api/v1/windows",
        body: windowBody,
        token: outsider,
      }),
      404,
    );
    await expectProblem(
      await call(h(windowGET), {
        method: "GET",
        path: `/api/v1/windows/${id}`,
        params: { id },
        token: outsider,
      }),
      404,
    );
    await expectProblem(
      await call(h(windowsGET), { method: "GET", path: "/api/v1/windows?site=SAP", token: outsider }),
      404,
    );
    await expectProblem(
      await call(h(windowGET), {
        method: "GET",
        path: "/api/v1/windows/nope",
        params: { id: "nope" },
        token: manager,
      }),
      404,
    );
  });

  it("answers malformed bodies and bad values with 400/422, never 500", async () => {
    for (const body of MALFORMED_BODIES) {
      const res = await call(h(windowsPOST), {
        method: "POST",
        path: "/api/v1/windows",
        body,
        token: manager,
      });
      expect([400, 422]).toContain(res.status);
    }
    for (const bad of [
      { start: "tomorrow" },
      { rrule: "FREQ=HOURLY" },
      { durationMinutes: -5 },
      { kind: "party" },
      { site: "'; drop" },
      { until: "2027-13-01" },
    ]) {
      const p = await expectProblem(
        await call(h(windowsPOST), {
          method: "POST",
          path: "/api/v1/windows",
          body: JSON.stringify({ ...JSON.parse(windowBody), ...bad }),
          token: manager,
        }),
        422,
      );
      expect(p.errors?.length).toBeGreaterThan(0);
    }
    await expectProblem(
      await call(h(windowsGET), {
        method: "GET",
        path: "/api/v1/windows?site=SAP&from=2027-01-01T00:00Z&to=2029-01-01T00:00Z",
        token: manager,
      }),
      422,
    );
  });

  it("deletes with 204", async () => {
    const res = await call(h(windowDELETE), {
      method: "DELETE",
      path: `/api/v1/windows/${id}`,
      params: { id },
      token: manager,
    });
    expect(res.status).toBe(204);
    await expectProblem(
      await call(h(windowGET), {
        method: "GET",
        path: `/api/v1/windows/${id}`,
        params: { id },
        token: manager,
      }),
      404,
    );
  });
});

describe("deprecated v1 field names", () => {
  const post = (handler: unknown, path: string, body: unknown, token = manager) =>
    call(h(handler), { method: "POST", path, body: JSON.stringify(body), token });

  it("still accepts site, areas and area in place of siteCode, areaCodes and areaCode", async () => {
    const w = await post(windowsPOST, "/api/v1/windows", {
      site: "sap",
      areas: ["u2"],
      kind: "blackout",
      title: "Old names",
      start: "2028-05-02T00:00",
      durationMinutes: 60,
    });
    expect(w.status).toBe(201);
    const created = await expectJson(w);
    expect(created).toMatchObject({ siteCode: "SAP", areaCodes: ["U2"] });
    const id = created.id as string;
    const patched = await call(h(windowPATCH), {
      method: "PATCH",
      path: `/api/v1/windows/${id}`,
      body: JSON.stringify({ areas: ["U1"] }),
      token: manager,
      headers: { "if-match": '"0"' },
      params: { id },
    });
    expect(await expectJson(patched)).toMatchObject({ areaCodes: ["U1"] });
    const r = await post(
      runsPOST,
      "/api/v1/production-runs",
      {
        site: "SAP",
        area: "U2",
        title: "Old-name run",
        kind: "run",
        criticality: "low",
        // Outside the months the import test reads back.
        start: "2028-05-10T06:00",
        end: "2028-05-11T06:00",
      },
      operations,
    );
    expect(r.status).toBe(201);
    expect(await expectJson(r)).toMatchObject({ siteCode: "SAP", areaCode: "U2" });
  });

  it("refuses both names with different values (422), naming the alias", async () => {
    const res = await post(windowsPOST, "/api/v1/windows", {
      siteCode: "SAP",
      site: "SAQ",
      kind: "maintenance",
      title: "Both names",
      start: "2027-05-02T00:00",
      durationMinutes: 60,
    });
    const problem = await expectProblem(res, 422);
    expect(problem.errors).toEqual([
      { path: "site", message: "Send siteCode only: site is its deprecated alias, and the two differ." },
    ]);
  });
});

describe("production runs API", () => {
  it("creates, lists, patches and deletes runs (operations may manage them)", async () => {
    const res = await call(h(runsPOST), {
      method: "POST",
      path: "/api/v1/production-runs",
      body: JSON.stringify({
        siteCode: "SAP",
        areaCode: "U1",
        title: "Batch 12",
        kind: "batch",
        criticality: "critical",
        start: "2027-03-10T06:00",
        end: "2027-03-11T06:00",
      }),
      token: operations,
    });
    const run = await expectJson(res);
    expect(res.status).toBe(201);
    expect(run).toMatchObject({
      siteCode: "SAP",
      areaCode: "U1",
      start: "2027-03-10T12:00:00.000Z",
      end: "2027-03-11T12:00:00.000Z",
      opensWindow: false,
    });
    const id = run.id as string;
    const list = await expectJson(
      await call(h(runsGET), {
        method: "GET",
        path: "/api/v1/production-runs?site=SAP&from=2027-03-01T00:00Z&to=2027-04-01T00:00Z",
        token: requester,
      }),
    );
    expect((list.items as { id: string }[]).map((r) => r.id)).toContain(id);
    const patched = await expectJson(
      await call(h(runPATCH), {
        method: "PATCH",
        path: `/api/v1/production-runs/${id}`,
        params: { id },
        body: JSON.stringify({ criticality: "low" }),
        token: operations,
      }),
    );
    expect(patched).toMatchObject({ criticality: "low", sequence: 1 });
    await expectProblem(
      await call(h(runPATCH), {
        method: "PATCH",
        path: `/api/v1/production-runs/${id}`,
        params: { id },
        body: JSON.stringify({ end: "2027-03-01T00:00" }),
        token: operations,
      }),
      422,
    );
    await expectProblem(
      await call(h(runPATCH), {
        method: "PATCH",
        path: `/api/v1/production-runs/${id}`,
        params: { id },
        body: JSON.stringify({ title: "x" }),
        token: requester,
      }),
      403,
    );
    await expectProblem(
      await call(h(runDELETE), {
        method: "DELETE",
        path: `/api/v1/production-runs/${id}`,
        params: { id },
        token: outsider,
      }),
      404,
    );
    // A delete based on the run as it was before the patch is refused, naming the version now.
    const stale = await expectProblem(
      await call(h(runDELETE), {
        method: "DELETE",
        path: `/api/v1/production-runs/${id}`,
        params: { id },
        token: operations,
        headers: { "if-match": '"0"' },
      }),
      409,
    );
    expect(stale).toMatchObject({ currentVersion: 1, currentSequence: 1 });
    expect(
      (
        await call(h(runDELETE), {
          method: "DELETE",
          path: `/api/v1/production-runs/${id}`,
          params: { id },
          token: operations,
          headers: { "if-match": '"1"' },
        })
      ).status,
    ).toBe(204);
  });

  const csv = (rows: string[]) => ["area,title,kind,criticality,start,end", ...rows].join("\n");
  const GOOD = [
    "U1,Campaign A,campaign,critical,2027-06-01T00:00,2027-06-10T00:00",
    "U2,Shutdown,turnaround,normal,2027-06-05T06:00,2027-06-07T18:00",
  ];

  it("imports CSV all-or-nothing, reporting every bad cell by line and column", async () => {
    const text = csv([
      GOOD[0]!,
      "U9,Ghost,run,critical,2027-06-01T00:00,2027-06-02T00:00",
      "U1,,party,urgent,2027-06-31T00:00,2027-06-02T00:00",
      GOOD[1]!,
      "U1,Backwards,run,low,2027-06-03T00:00,2027-06-02T00:00",
    ]);
    const dry = await expectJson(
      await call(h(importPOST), {
        method: "POST",
        path: "/api/v1/production-runs/import?site=SAP&dryRun=true",
        body: text,
        token: manager,
        headers: { "content-type": "text/csv" },
      }),
    );
    expect(dry).toMatchObject({ dryRun: true, valid: false, count: 0 });
    expect(dry.errors).toEqual([
      { line: 3, column: "area", message: "Site SAP has no area U9." },
      { line: 4, column: "title", message: "Title is required." },
      { line: 4, column: "kind", message: expect.stringMatching(/Kind must be one of/) },
      { line: 4, column: "criticality", message: expect.stringMatching(/Criticality must be one of/) },
      { line: 4, column: "start", message: expect.stringMatching(/Start must be a date and time/) },
      { line: 6, column: "end", message: "The run must end after it starts." },
    ]);
    const real = await expectProblem(
      await call(h(importPOST), {
        method: "POST",
        path: "/api/v1/production-runs/import?site=SAP",
        body: text,
        token: manager,
        headers: { "content-type": "text/csv" },
      }),
      422,
    );
    expect((real as unknown as { rowErrors: unknown[] }).rowErrors).toHaveLength(6);
    const none = await expectJson(
      await call(h(runsGET), {
        method: "GET",
        path: "/api/v1/production-runs?site=SAP&from=2027-05-01T00:00Z&to=2027-07-01T00:00Z",
        token: manager,
      }),
    );
    expect(none.items).toEqual([]);

    const okDry = await expectJson(
      await call(h(importPOST), {
        method: "POST",
        path: "/api/v1/production-runs/import?site=SAP&dryRun=true",
        body: csv(GOOD),
        token: manager,
        headers: { "content-type": "text/csv" },
      }),
    );
    expect(okDry).toMatchObject({ dryRun: true, valid: true, count: 2 });
    const res = await call(h(importPOST), {
      method: "POST",
      path: "/api/v1/production-runs/import",
      body: JSON.stringify({ siteCode: "SAP", csv: csv(GOOD) }),
      token: manager,
    });
    expect(res.status).toBe(201);
    expect(await expectJson(res)).toMatchObject({ dryRun: false, valid: true, count: 2 });
    const listed = await expectJson(
      await call(h(runsGET), {
        method: "GET",
        path: "/api/v1/production-runs?site=SAP&from=2027-05-01T00:00Z&to=2027-07-01T00:00Z",
        token: manager,
      }),
    );
    expect(listed.items).toEqual([
      expect.objectContaining({ title: "Campaign A", start: "2027-06-01T05:00:00.000Z", kind: "campaign" }),
      expect.objectContaining({ title: "Shutdown", kind: "turnaround", opensWindow: true }),
    ]);
  });

  it("names physical lines after blank lines and quoted line breaks, and checks the header", async () => {
    const text = `area,title,kind,criticality,start,end\r\n\r\nU1,"Two\nlines",run,low,2027-06-01T00:00,2027-06-02T00:00\r\nU1,Bad,run,low,2027-06-01T00:00,nope\r\n`;
    const dry = await expectJson(
      await call(h(importPOST), {
        method: "POST",
        path: "/api/v1/production-runs/import?site=SAP&dryRun=true",
        body: text,
        token: manager,
        headers: { "content-type": "text/csv" },
      }),
    );
    expect(dry.errors).toEqual([
      { line: 3, column: "title", message: "Title must not contain control characters or line breaks." },
      { line: 5, column: "end", message: expect.stringMatching(/End must be a date and time/) },
    ]);
    const header = await expectJson(
      await call(h(importPOST), {
        method: "POST",
        path: "/api/v1/production-runs/import?site=SAP&dryRun=true",
        body: "area,title,colour\nU1,x,red\n",
        token: manager,
        headers: { "content-type": "text/csv" },
      }),
    );
    expect(header.errors).toEqual([
      { line: 1, column: "colour", message: expect.stringMatching(/Unknown column "colour"/) },
      { line: 1, column: "kind", message: "Required column kind is missing." },
      { line: 1, column: "criticality", message: "Required column criticality is missing." },
      { line: 1, column: "start", message: "Required column start is missing." },
      { line: 1, column: "end", message: "Required column end is missing." },
    ]);
    await expectProblem(
      await call(h(importPOST), {
        method: "POST",
        path: "/api/v1/production-runs/import?site=SAP",
        body: csv(GOOD),
        token: requester,
        headers: { "content-type": "text/csv" },
      }),
      403,
    );
  });
});

describe("calendar, feeds and assistant API", () => {
  it("serves the .ics by bearer token and by secret feed URL, 401 for a revoked one", async () => {
    await call(h(windowsPOST), { method: "POST", path: "/api/v1/windows", body: windowBody, token: manager });
    const res = await call(h(icsGET), {
      method: "GET",
      path: "/api/v1/calendar/SAP.ics",
      params: { file: "SAP.ics" },
      token: requester,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const root = new ICAL.Component(ICAL.parse(await res.text()));
    expect(root.getAllSubcomponents("vevent").length).toBeGreaterThan(0);
    await expectProblem(
      await call(h(icsGET), {
        method: "GET",
        path: "/api/v1/calendar/SAP.ics",
        params: { file: "SAP.ics" },
        token: outsider,
      }),
      404,
    );
    await expectProblem(
      await call(h(icsGET), {
        method: "GET",
        path: "/api/v1/calendar/SAP.json",
        params: { file: "SAP.json" },
        token: requester,
      }),
      404,
    );

    const feed = await expectJson(
      await call(h(feedsPOST), { method: "POST", path: "/api/v1/calendar-feeds", token: requester }),
    );
    const url = new URL((feed.feeds as { siteCode: string; url: string }[])[0]!.url);
    expect(url.pathname).toBe("/api/v1/calendar/SAP.ics");
    const viaFeed = await call(h(icsGET), {
      method: "GET",
      path: `${url.pathname}${url.search}`,
      params: { file: "SAP.ics" },
      authorization: "",
    });
    expect(viaFeed.status).toBe(200);
    expect(await viaFeed.text()).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/Chicago/);
    await call(h(feedsPOST), { method: "POST", path: "/api/v1/calendar-feeds", token: requester });
    await expectProblem(
      await call(h(icsGET), {
        method: "GET",
        path: `${url.pathname}${url.search}`,
        params: { file: "SAP.ics" },
        authorization: "",
      }),
      401,
    );
  });

  it("proposes five conflict-free slots and checks a slot", async () => {
    const from = "2027-03-01T00:00:00Z";
    const slots = await expectJson(
      await call(h(slotsGET), {
        method: "GET",
        path: `/api/v1/schedule/slots?assetIds=${plcId}&durationMinutes=60&from=${from}`,
        token: requester,
      }),
    );
    const list = slots.slots as { start: string; end: string; localLabel: string }[];
    expect(list).toHaveLength(5);
    expect(list[0]).toMatchObject({ start: "2027-03-07T07:00:00.000Z", end: "2027-03-07T08:00:00.000Z" });
    for (const s of list) {
      const check = await expectJson(
        await call(h(checkPOST), {
          method: "POST",
          path: "/api/v1/schedule/check",
          body: JSON.stringify({ assetIds: [plcId], start: s.start, end: s.end }),
          token: requester,
        }),
      );
      expect(check).toEqual({ conflicts: [], blocking: false });
    }
    const outside = await expectJson(
      await call(h(checkPOST), {
        method: "POST",
        path: "/api/v1/schedule/check",
        body: JSON.stringify({ assetIds: [plcId], start: "2027-03-08T10:00", end: "2027-03-08T11:00" }),
        token: requester,
      }),
    );
    expect(outside).toMatchObject({
      blocking: true,
      conflicts: [expect.objectContaining({ code: "outside_window", blocking: true })],
    });
    await expectProblem(
      await call(h(slotsGET), {
        method: "GET",
        path: `/api/v1/schedule/slots?assetIds=${plcId}&durationMinutes=60`,
        token: outsider,
      }),
      404,
    );
    await expectProblem(
      await call(h(slotsGET), { method: "GET", path: "/api/v1/schedule/slots", token: requester }),
      422,
    );
  });
});

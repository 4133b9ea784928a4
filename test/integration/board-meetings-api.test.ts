// The board meetings' REST routes and the minutes PDF (issue 15 item 2): bad input is a
// problem+json with nothing saved, the auditor and a non-chair are refused, another site's
// people get 404, and the PDF prints what the minutes say.
import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as decisionsPOST } from "@/app/api/v1/board-meetings/[id]/decisions/route";
import { PUT as minutesPUT } from "@/app/api/v1/board-meetings/[id]/minutes/route";
import { GET as pdfGET } from "@/app/api/v1/board-meetings/[id]/minutes.pdf/route";
import { GET as meetingGET } from "@/app/api/v1/board-meetings/[id]/route";
import { GET as listGET, POST as schedulePOST } from "@/app/api/v1/board-meetings/route";
import type { Db } from "@/db/client";
import { auditEvents, boardDecisions, boardMeetings, signoffs } from "@/db/schema";
import { createToken } from "@/lib/services/tokens/create-token";
import type { BoardMeetingView } from "@/lib/types/board";
import { useTestDatabase } from "../db";
import { highRiskChange } from "./board-helpers";
import { PASSWORD, makeUser } from "../fixtures";
import { MALFORMED_BODIES, call, expectJson, expectProblem, type Handler } from "./api-helpers";
import { HOUR, changeWorld, type World } from "./changes-helpers";

let db: Db;
let w: World;
const tokens: Record<
  "chair" | "chairNoSign" | "otherManager" | "auditor" | "outsider" | "requester",
  string
> = {} as never;
const h = (x: unknown) => x as Handler;
const later = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  const token = async (actor: (typeof w.people)["boardA"]["actor"], scopes = ["read", "write", "sign"]) =>
    (await createToken(actor, { name: "t", scopes: scopes as never })).token;
  const otherManager = await makeUser(["PLA:change_manager"], { name: "Mona Manager" });
  const outsider = await makeUser(["PLB:change_manager"], { name: "Otis Outsider" });
  tokens.chair = await token(w.people.boardA.actor);
  tokens.chairNoSign = await token(w.people.boardA.actor, ["read", "write"]);
  tokens.otherManager = await token(otherManager.actor);
  tokens.auditor = await token(w.people.auditor.actor, ["read", "write", "sign"]);
  tokens.outsider = await token(outsider.actor);
  tokens.requester = await token(w.people.requester.actor);
}, 180_000);

const highRisk = (title: string, hours: number) => highRiskChange(w, title, hours);

const schedule = (token: string, body: unknown) =>
  call(h(schedulePOST), {
    method: "POST",
    path: "/api/v1/board-meetings",
    body: JSON.stringify(body),
    token,
  });
const decide = (token: string, id: string, body: unknown) =>
  call(h(decisionsPOST), {
    method: "POST",
    path: `/api/v1/board-meetings/${id}/decisions`,
    params: { id },
    body: typeof body === "string" ? body : JSON.stringify(body),
    token,
  });
const minutes = (token: string, id: string, body: unknown) =>
  call(h(minutesPUT), {
    method: "PUT",
    path: `/api/v1/board-meetings/${id}/minutes`,
    params: { id },
    body: typeof body === "string" ? body : JSON.stringify(body),
    token,
  });
const read = (token: string, id: string) =>
  call(h(meetingGET), { method: "GET", path: `/api/v1/board-meetings/${id}`, params: { id }, token });
const pdf = (token: string, id: string) =>
  call(h(pdfGET), {
    method: "GET",
    path: `/api/v1/board-meetings/${id}/minutes.pdf`,
    params: { id },
    token,
  });

async function pdfText(res: Response): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

const meetingCount = async () => (await db.select({ id: boardMeetings.id }).from(boardMeetings)).length;
const decisionCount = async (meetingId: string) =>
  (await db.select().from(boardDecisions).where(eq(boardDecisions.meetingId, meetingId))).length;

describe("board meetings API", () => {
  it("schedules a fortnightly series (201, Location) and refuses bad input with 422 and nothing saved", async () => {
    const before = await meetingCount();
    const bad: [unknown, string][] = [
      [{ siteCode: "PLA", title: "", startsAt: later(2), durationMinutes: 60 }, "title"],
      [{ siteCode: "PLA", title: "CAB", startsAt: "tomorrow", durationMinutes: 60 }, "startsAt"],
      [{ siteCode: "PLA", title: "CAB", startsAt: later(2), durationMinutes: 5 }, "durationMinutes"],
      [{ siteCode: "PLA", title: "CAB", startsAt: later(2), durationMinutes: 60, repeat: "daily" }, "repeat"],
      [
        {
          siteCode: "PLA",
          title: "CAB",
          startsAt: later(2),
          durationMinutes: 60,
          repeat: "weekly",
          every: 0,
        },
        "every",
      ],
      [
        {
          siteCode: "PLA",
          title: "CAB",
          startsAt: later(2),
          durationMinutes: 60,
          repeat: "weekly",
          count: 1,
        },
        "count",
      ],
      [
        {
          siteCode: "PLA",
          title: "CAB",
          startsAt: later(2),
          durationMinutes: 60,
          repeat: "monthly",
          every: 2,
          count: 8,
        },
        "count",
      ],
      [{ siteCode: "PLA", title: "CAB", startsAt: later(2), durationMinutes: 60, count: 4 }, "count"],
      [{ siteCode: "PLA", title: "CAB", startsAt: later(-48), durationMinutes: 60 }, "startsAt"],
    ];
    for (const [body, path] of bad) {
      const problem = await expectProblem(await schedule(tokens.chair, body), 422);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    for (const body of MALFORMED_BODIES.slice(0, 3))
      await expectProblem(
        await call(h(schedulePOST), {
          method: "POST",
          path: "/api/v1/board-meetings",
          body,
          token: tokens.chair,
        }),
        400,
      );
    await expectProblem(
      await schedule(tokens.chair, {
        siteCode: "NOPE",
        title: "CAB",
        startsAt: later(2),
        durationMinutes: 60,
      }),
      404,
    );
    // The auditor and a requester may not schedule; another site's manager does not see PLA.
    const body = { siteCode: "PLA", title: "CAB", startsAt: later(2), durationMinutes: 60 };
    await expectProblem(await schedule(tokens.auditor, body), 403);
    await expectProblem(await schedule(tokens.requester, body), 403);
    await expectProblem(await schedule(tokens.outsider, body), 404);
    expect(await meetingCount()).toBe(before);

    // Thu 4 Nov 2027 15:00 CDT (20:00Z), fortnightly: 18 Nov is after the change, 15:00 CST (21:00Z).
    const res = await schedule(tokens.chair, {
      siteCode: "pla",
      title: "Fortnightly change board",
      startsAt: "2027-11-04T20:00:00Z",
      durationMinutes: 60,
      repeat: "weekly",
      every: 2,
      count: 3,
    });
    expect(res.status).toBe(201);
    const created = (await expectJson(res)) as { items: { id: string; startsAt: string }[] };
    expect(created.items.map((m) => m.startsAt)).toEqual([
      "2027-11-04T20:00:00Z",
      "2027-11-18T21:00:00Z",
      "2027-12-02T21:00:00Z",
    ]);
    expect(res.headers.get("location")).toBe(`/api/v1/board-meetings/${created.items[0]!.id}`);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, created.items[1]!.id));
    expect(audit!.after).toMatchObject({
      series: 3,
      repeat: "Every 2 weeks on Thursday 15:00–16:00 CST/CDT, 3 times",
    });
    // Not in session a year ahead: a decision or closing is a 409, and nothing is recorded.
    const early = created.items[0]!.id;
    await expectProblem(
      await minutes(tokens.chair, early, { attendees: ["Carla"], notes: "", close: true }),
      409,
    );
    expect(
      (await db.select().from(boardMeetings).where(eq(boardMeetings.id, early)))[0]!.closedAt,
    ).toBeNull();
    const listed = (await expectJson(
      await call(h(listGET), {
        method: "GET",
        path: "/api/v1/board-meetings?site=PLA",
        token: tokens.auditor,
      }),
    )) as { items: { id: string }[] };
    expect(listed.items.map((m) => m.id)).toEqual(expect.arrayContaining(created.items.map((m) => m.id)));
    const outside = (await expectJson(
      await call(h(listGET), { method: "GET", path: "/api/v1/board-meetings", token: tokens.outsider }),
    )) as { items: { id: string }[] };
    expect(outside.items.map((m) => m.id)).not.toContain(created.items[0]!.id);
  });

  it("decides, writes minutes and prints them: refusals (403/404/422) save nothing, the PDF holds attendees, decisions, reasons and the chair", async () => {
    const approveMe = await highRisk("Replace SIS logic solver firmware", 20);
    const rejectMe = await highRisk("Open SIS engineering port to the DMZ", 30);
    const deferMe = await highRisk("Re-zone SIS network", 40);
    const created = (await expectJson(
      await schedule(tokens.chair, {
        siteCode: "PLA",
        title: "Change board",
        startsAt: later(0.2),
        durationMinutes: 90,
      }),
    )) as { items: { id: string }[] };
    const id = created.items[0]!.id;
    const m = (await expectJson(await read(tokens.chair, id))) as unknown as BoardMeetingView;
    const hashOf = (changeId: string) => m.agenda.find((a) => a.changeId === changeId)!.contentHash;
    const approve = {
      changeId: approveMe.id,
      decision: "approve",
      reason: "",
      contentHash: hashOf(approveMe.id),
      password: PASSWORD,
    };

    // Not found alike: another site's people, unknown and malformed ids.
    for (const token of [tokens.outsider]) {
      await expectProblem(await read(token, id), 404);
      await expectProblem(await pdf(token, id), 404);
      await expectProblem(await decide(token, id, approve), 404);
      await expectProblem(await minutes(token, id, { attendees: ["X"], notes: "" }), 404);
    }
    for (const bad of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      await expectProblem(await read(tokens.chair, bad), 404);
      await expectProblem(await pdf(tokens.chair, bad), 404);
      await expectProblem(await decide(tokens.chair, bad, approve), 404);
    }
    // The auditor and another change manager see the meeting but may not decide or minute it.
    expect((await read(tokens.auditor, id)).status).toBe(200);
    for (const token of [tokens.auditor, tokens.otherManager]) {
      await expectProblem(await decide(token, id, approve), 403);
      await expectProblem(await minutes(token, id, { attendees: ["X"], notes: "n" }), 403);
    }
    // The board signs: a token without the sign scope is refused; no attendees yet is a 422.
    await expectProblem(await decide(tokens.chairNoSign, id, approve), 403);
    const noAttendees = await expectProblem(await decide(tokens.chair, id, approve), 422);
    expect(noAttendees.detail).toMatch(/attend/);

    // Minutes: bad input is a 422 and leaves them as they were.
    await expectProblem(await minutes(tokens.chair, id, { attendees: Array(101).fill("A"), notes: "" }), 422);
    await expectProblem(await minutes(tokens.chair, id, { attendees: "Carla", notes: "" }), 422);
    await expectProblem(await minutes(tokens.chair, id, "{"), 400);
    expect((await db.select().from(boardMeetings).where(eq(boardMeetings.id, id)))[0]).toMatchObject({
      attendees: [],
      notes: "",
      closedAt: null,
    });
    expect(
      (
        await minutes(tokens.chair, id, {
          attendees: ["Carla Board", "Olga Operations", "Vendor rep"],
          notes: "",
        })
      ).status,
    ).toBe(200);

    // Decisions: bad input is a 422 and records nothing; a wrong password signs nothing.
    const badDecisions: [unknown, string][] = [
      [{ ...approve, decision: "maybe" }, "decision"],
      [{ ...approve, decision: "defer", reason: "" }, "reason"],
      [{ ...approve, decision: "reject", reason: " " }, "reason"],
      [{ ...approve, password: undefined }, "password"],
      [{ ...approve, contentHash: "abc" }, "contentHash"],
      [{ ...approve, changeId: "not-a-uuid" }, "changeId"],
      [{ ...approve, changeId: w.assets.sis.id }, "changeId"],
    ];
    for (const [body, path] of badDecisions) {
      const problem = await expectProblem(await decide(tokens.chair, id, body), 422);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await decide(tokens.chair, id, { ...approve, password: "wrong" })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect(await decisionCount(id)).toBe(0);
    expect(await db.select().from(signoffs).where(eq(signoffs.changeId, approveMe.id))).toEqual([]);

    expect((await decide(tokens.chair, id, approve)).status).toBe(200);
    await expectProblem(await decide(tokens.chair, id, approve), 422);
    expect(
      (
        await decide(tokens.chair, id, {
          changeId: rejectMe.id,
          decision: "reject",
          reason: "Not tested on the bench",
          contentHash: hashOf(rejectMe.id),
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await decide(tokens.chair, id, {
          changeId: deferMe.id,
          decision: "defer",
          reason: "Wait for the turnaround plan",
          contentHash: hashOf(deferMe.id),
        })
      ).status,
    ).toBe(200);
    const closed = await minutes(tokens.chair, id, {
      attendees: ["Carla Board", "Olga Operations", "Vendor rep"],
      notes: "Proof test moved to next week.",
      close: true,
    });
    expect(((await expectJson(closed)) as { closedAt: string | null }).closedAt).not.toBeNull();
    await expectProblem(await minutes(tokens.chair, id, { attendees: [], notes: "", close: true }), 409);
    expect(await decisionCount(id)).toBe(3);

    const res = await pdf(tokens.auditor, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="board-minutes-PLA-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const text = await pdfText(res);
    for (const expected of [
      "Change board minutes",
      "Carla Board, Olga Operations, Vendor rep",
      "Chair: Carla Board",
      `${approveMe.number} Replace SIS logic solver firmware: Approved`,
      `${rejectMe.number} Open SIS engineering port to the DMZ: Rejected`,
      "Not tested on the bench",
      `${deferMe.number} Re-zone SIS network: Deferred`,
      "Wait for the turnaround plan",
      "none (deferred)",
      "Proof test moved to next week.",
    ])
      expect(text).toContain(expected);
    expect(text).toContain(`Board sign-off: Approved as change board chair, by Carla Board`);
    expect(text).toContain(`Board sign-off: Rejected as change board chair, by Carla Board`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});

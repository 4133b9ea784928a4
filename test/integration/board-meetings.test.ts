import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, signoffs } from "@/db/schema";
import { getMeeting } from "@/lib/services/board/get-meeting";
import { listMeetings } from "@/lib/services/board/list-meetings";
import { recordDecision } from "@/lib/services/board/record-decision";
import { saveMinutes } from "@/lib/services/board/save-minutes";
import { scheduleMeeting } from "@/lib/services/board/schedule-meeting";
import { getChange } from "@/lib/services/changes/get";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { highRiskChange } from "./board-helpers";
import { PASSWORD } from "../fixtures";
import { HOUR, changeWorld, errorOf, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

const highRisk = (title: string, hours: number) => highRiskChange(w, title, hours);

describe("board meetings", () => {
  it("only a change manager at the site schedules; a weekly series keeps the local time across DST", async () => {
    const refused = await errorOf(
      scheduleMeeting(w.people.requester.actor, {
        siteCode: "PLA",
        title: "CAB",
        startsAt: new Date(Date.now() + HOUR).toISOString(),
        durationMinutes: 60,
      }),
    );
    expect(refused.code).toBe("forbidden");
    // Thu 4 Mar 2027 15:00 CST (21:00Z); two weeks on is after the DST change: 15:00 CDT (20:00Z).
    const series = await scheduleMeeting(w.people.boardA.actor, {
      siteCode: "PLA",
      title: "Weekly change board",
      startsAt: "2027-03-04T21:00:00Z",
      durationMinutes: 60,
      repeat: "weekly",
      count: 3,
    });
    expect(series.map((m) => m.startsAt)).toEqual([
      "2027-03-04T21:00:00Z",
      "2027-03-11T21:00:00Z",
      "2027-03-18T20:00:00Z",
    ]);
    expect((await listMeetings(w.people.auditor.actor, { site: "PLA" })).length).toBeGreaterThanOrEqual(3);
    expect(await listMeetings(w.people.opsB.actor, { site: "PLA" })).toEqual([]);
    const past = await errorOf(
      scheduleMeeting(w.people.boardA.actor, {
        siteCode: "PLA",
        title: "Yesterday",
        startsAt: new Date(Date.now() - 2 * 24 * HOUR).toISOString(),
        durationMinutes: 60,
      }),
    );
    expect(past.message).toMatch(/cannot start in the past/);
  });

  it("builds the agenda by planned start and records decisions as content-bound board sign-offs with attendees", async () => {
    const { boardA, opsA, securityA, safetyA, opsAndSecurity } = w.people;
    const later = await highRisk("Replace SIS logic solver firmware", 30);
    const sooner = await highRisk("Bypass SIS trip for proof test", 20);
    const third = await highRisk("Re-zone SIS network", 40);
    const [meeting] = await scheduleMeeting(boardA.actor, {
      siteCode: "PLA",
      title: "Change board",
      startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      durationMinutes: 90,
    });
    let m = await getMeeting(boardA.actor, meeting!.id);
    const numbers = m.agenda.map((a) => a.number);
    expect(numbers.indexOf(sooner.number)).toBeLessThan(numbers.indexOf(later.number));
    expect(numbers.indexOf(later.number)).toBeLessThan(numbers.indexOf(third.number));
    const item = m.agenda.find((a) => a.changeId === sooner.id)!;
    expect(item.risk).toMatch(/high|critical/);
    expect(item.missing.map((r) => r.role).sort()).toEqual(["operations", "safety", "security"]);

    // Only the chair records, and attendees are listed on the sign-off.
    expect(
      (
        await errorOf(
          recordDecision(opsAndSecurity.actor, m.id, {
            changeId: sooner.id,
            decision: "defer",
            reason: "x",
            contentHash: item.contentHash,
          }),
        )
      ).code,
    ).toBe("forbidden");
    await saveMinutes(boardA.actor, m.id, {
      attendees: ["Carla Board", "Olga Operations", "Vendor rep (guest)"],
      notes: "",
    });
    m = await recordDecision(boardA.actor, m.id, {
      changeId: sooner.id,
      decision: "approve",
      reason: "",
      contentHash: item.contentHash,
      password: PASSWORD,
    });
    const approvedItem = m.decisions.find((d) => d.changeId === sooner.id)!;
    expect(approvedItem).toMatchObject({
      decision: "approve",
      meaning: expect.stringMatching(/change board/i),
    });
    const [board] = await db.select().from(signoffs).where(eq(signoffs.id, approvedItem.signoffId!));
    expect(board).toMatchObject({
      role: "change_board",
      decision: "approve",
      signerId: boardA.actor.userId,
      contentHash: item.contentHash,
    });
    expect(board!.comment).toContain("Vendor rep (guest)");
    // Content-bound: the signature covers the change as shown, and stops covering it after a scope edit.
    const view = await getChange(boardA.actor, sooner.id);
    expect(view.signoffs.find((s) => s.role === "change_board")).toMatchObject({ superseded: false });
    await sign(opsA.actor, sooner.id, "operations");
    await sign(securityA.actor, sooner.id, "security");
    expect((await sign(safetyA.actor, sooner.id, "safety")).state).toBe("approved");
    const edited = await updateChange(
      w.people.requester.actor,
      sooner.id,
      { backoutPlan: "Restore the bypass image" },
      (await getChange(boardA.actor, sooner.id)).version,
    );
    expect(edited.state).toBe("submitted");
    expect(edited.signoffs.find((s) => s.role === "change_board")).toMatchObject({ superseded: true });

    // A stale hash signs nothing.
    const laterItem = m.agenda.find((a) => a.changeId === later.id)!;
    const stale = await errorOf(
      recordDecision(boardA.actor, m.id, {
        changeId: later.id,
        decision: "reject",
        reason: "Not tested",
        contentHash: "0".repeat(64),
        password: PASSWORD,
      }),
    );
    expect(stale.code).toBe("conflict");
    m = await recordDecision(boardA.actor, m.id, {
      changeId: later.id,
      decision: "reject",
      reason: "Not tested on the bench",
      contentHash: laterItem.contentHash,
      password: PASSWORD,
    });
    expect((await getChange(boardA.actor, later.id)).state).toBe("rejected");

    // Defer needs a reason and signs nothing; the change stays on the next agenda.
    const noReason = await errorOf(
      recordDecision(boardA.actor, m.id, {
        changeId: third.id,
        decision: "defer",
        reason: "",
        contentHash: item.contentHash,
      }),
    );
    expect(noReason.details?.errors).toEqual([expect.objectContaining({ path: "reason" })]);
    m = await recordDecision(boardA.actor, m.id, {
      changeId: third.id,
      decision: "defer",
      reason: "Wait for the turnaround plan",
      contentHash: m.agenda.find((a) => a.changeId === third.id)!.contentHash,
    });
    expect(m.decisions.map((d) => [d.number, d.decision])).toEqual([
      [sooner.number, "approve"],
      [later.number, "reject"],
      [third.number, "defer"],
    ]);
    expect((await getChange(boardA.actor, third.id)).signoffs).toEqual([]);

    const closed = await saveMinutes(boardA.actor, m.id, {
      attendees: ["Carla Board", "Olga Operations"],
      notes: "Proof test moved to next week.",
      close: true,
    });
    expect(closed.closedAt).not.toBeNull();
    expect(
      (
        await errorOf(
          recordDecision(boardA.actor, m.id, {
            changeId: third.id,
            decision: "defer",
            reason: "again",
            contentHash: item.contentHash,
          }),
        )
      ).code,
    ).toBe("conflict");
    const [minutes] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.objectId, m.id),
          eq(auditEvents.action, "board.minutes"),
          eq(auditEvents.reason, "Minutes closed"),
        ),
      );
    expect(minutes!.after).toMatchObject({ attendees: ["Carla Board", "Olga Operations"], closed: true });
    const decisionsInTrail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, m.id), eq(auditEvents.action, "board.decision")));
    expect(decisionsInTrail).toHaveLength(3);

    const [next] = await scheduleMeeting(boardA.actor, {
      siteCode: "PLA",
      title: "Next board",
      startsAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
      durationMinutes: 60,
    });
    const nextView = await getMeeting(boardA.actor, next!.id);
    expect(nextView.agenda.map((a) => a.changeId)).toContain(third.id);
    // A board decides in session: not a week before the meeting, nor closes its minutes then.
    expect(nextView.inSession).toBe(false);
    await saveMinutes(boardA.actor, next!.id, { attendees: ["Carla Board"], notes: "Agenda sent." });
    const early = await errorOf(
      recordDecision(boardA.actor, next!.id, {
        changeId: third.id,
        decision: "defer",
        reason: "Too early",
        contentHash: nextView.agenda.find((a) => a.changeId === third.id)!.contentHash,
      }),
    );
    expect(early.code).toBe("conflict");
    expect(early.message).toMatch(/not in session yet: decisions are recorded from .+ (CST|CDT)/);
    expect(
      (await errorOf(saveMinutes(boardA.actor, next!.id, { attendees: [], notes: "", close: true }))).code,
    ).toBe("conflict");
    expect((await getMeeting(boardA.actor, next!.id)).decisions).toEqual([]);
    await expect(getMeeting(w.people.opsB.actor, next!.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

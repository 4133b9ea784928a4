import { asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import {
  advisories,
  auditEvents,
  boardMeetings,
  changes,
  gateChecks,
  productionRuns,
  signoffs,
  sites,
  windows,
} from "@/db/schema";
import { cliActorAs } from "@/lib/auth/resolve";
import { CHANGE_STATES } from "@/lib/domain/constants";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { seedDemoAdvisories } from "@/lib/seed/demo-advisories";
import { seedDemo, type DemoSeedResult } from "@/lib/seed/demo";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { useTestDatabase } from "../db";

// A fixed seeding instant: the demo is built relative to it, so the same instant gives the same plant.
const NOW = new Date("2026-12-02T15:00:00Z");
const APPROVER_ROLES = ["operations", "safety", "security", "quality", "change_manager"];

/** What the plant says, without the ids and hashes the database draws at random. */
async function snapshot() {
  const db = await getDb();
  const siteCode = new Map((await db.select().from(sites)).map((s) => [s.id, s.code]));
  const changeRows = await db.select().from(changes).orderBy(asc(changes.number));
  const numberOf = new Map(changeRows.map((c) => [c.id, c.number]));
  return {
    changes: changeRows.map((c) => ({
      number: c.number,
      title: c.title,
      state: c.state,
      class: c.class,
      risk: c.risk,
      sites: c.siteIds.map((id) => siteCode.get(id)).sort(),
      times: [
        c.createdAt,
        c.submittedAt,
        c.approvedAt,
        c.plannedStart,
        c.actualStart,
        c.actualEnd,
        c.closedAt,
      ],
      follows: c.followsChangeId ? numberOf.get(c.followsChangeId) : null,
    })),
    signoffs: (await db.select().from(signoffs).orderBy(asc(signoffs.signedAt), asc(signoffs.role))).map(
      (s) => ({
        change: s.changeId ? numberOf.get(s.changeId) : null,
        role: s.role,
        decision: s.decision,
        signer: s.signerEmail,
        at: s.signedAt,
        superseded: s.supersededAt,
      }),
    ),
    trail: (await db.select().from(auditEvents).orderBy(asc(auditEvents.id))).map((e) => [
      e.id,
      e.at.toISOString(),
      e.action,
      e.actorEmail?.replace(/^cli:.*/, "cli"),
      e.reason,
    ]),
    windows: (await db.select().from(windows)).map((w) => [w.title, w.kind, w.localStart, w.rrule]).sort(),
    runs: (await db.select().from(productionRuns)).map((r) => [r.title, r.start, r.end]).sort(),
    advisories: (await db.select().from(advisories)).map((a) => a.trackingId).sort(),
  };
}

let result: DemoSeedResult;
let first: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  await useTestDatabase();
  result = await seedDemo({ now: NOW });
  first = await snapshot();
}, 600_000);

describe("the demo plant", () => {
  it("has every lifecycle state at each site", async () => {
    expect(result.seeded).toBe(true);
    const db = await getDb();
    for (const site of await db.select().from(sites)) {
      const states = new Set(first.changes.filter((c) => c.sites.includes(site.code)).map((c) => c.state));
      expect([...states].sort(), site.code).toEqual([...CHANGE_STATES].sort());
    }
    expect(first.changes.some((c) => c.sites.length === 2)).toBe(true);
    expect(first.changes.some((c) => c.class === "standard" && c.state === "closed")).toBe(true);
    expect(first.changes.some((c) => c.follows)).toBe(true);
    expect(first.signoffs.some((s) => s.superseded)).toBe(true);
    expect(first.signoffs.some((s) => s.role === "pssr")).toBe(true);
  });

  it("schedules each site's change board: the refinery's fortnightly on Thursdays, the pharma plant's monthly on a Tuesday", async () => {
    const db = await getDb();
    const rows = await db
      .select({ site: sites.code, zone: sites.timeZone, at: boardMeetings.startsAt })
      .from(boardMeetings)
      .innerJoin(sites, eq(sites.id, boardMeetings.siteId))
      .orderBy(asc(boardMeetings.startsAt));
    const local = (site: string) =>
      rows.filter((r) => r.site === site).map((r) => DateTime.fromJSDate(r.at, { zone: r.zone }));
    expect(local("GCR").map((d) => d.toFormat("ccc HH:mm"))).toEqual(Array(6).fill("Thu 14:00"));
    expect(local("GCR").map((d, i, all) => (i ? d.diff(all[i - 1]!, "days").days : 0))).toEqual([
      0, 14, 14, 14, 14, 14,
    ]);
    expect(local("RHP").map((d) => d.toFormat("ccc HH:mm"))).toEqual(Array(6).fill("Tue 10:00"));
    expect(local("RHP")[0]!.toMillis()).toBeGreaterThan(NOW.getTime());
  });

  it("spreads the changes over the past 90 days and the next 30", () => {
    const day = 86_400_000;
    const starts = first.changes.flatMap((c) => (c.times[3] ? [c.times[3].getTime() - NOW.getTime()] : []));
    expect(Math.min(...starts)).toBeGreaterThan(-92 * day);
    expect(Math.max(...starts)).toBeLessThan(36 * day);
    expect(starts.filter((t) => t > 0).length).toBeGreaterThanOrEqual(10);
    // Nothing happened after the seeding instant.
    for (const [, at] of first.trail)
      expect(new Date(at as string).getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("gives every demo approver work in the inbox", async () => {
    const approvers = DEMO_ACCOUNTS.filter((a) =>
      a.grants.some((g) => APPROVER_ROLES.includes(g.split(":")[1]!)),
    );
    expect(approvers.length).toBeGreaterThanOrEqual(11);
    for (const a of approvers) {
      const inbox = await approvalsInbox(await cliActorAs(a.email), NOW);
      expect(inbox.length, a.email).toBeGreaterThan(0);
    }
  });

  it("has gate refusals, starts and overdue and on-time retrospective sign-offs in the trail", async () => {
    const db = await getDb();
    const gate = await db.select().from(auditEvents).where(eq(auditEvents.action, "gate.decision"));
    const refused = gate.filter((e) => (e.after as { allowed: boolean }).allowed === false);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(gate.length - refused.length).toBeGreaterThanOrEqual(20);
    expect(first.trail.filter(([, , action]) => action === "change.start").length).toBeGreaterThanOrEqual(20);
    const emergencies = first.changes.filter((c) => c.class === "emergency");
    expect(emergencies.map((c) => c.state).sort()).toEqual(["closed", "closed", "implemented"]);
  });

  it("has dry runs in the gate-check log at each site: one the gate would refuse, one it would open", async () => {
    const db = await getDb();
    const checks = await db.select().from(gateChecks);
    const codeOf = new Map((await db.select().from(sites)).map((s) => [s.id, s.code]));
    for (const code of ["GCR", "RHP"]) {
      const here = checks.filter((g) => codeOf.get(g.siteId) === code);
      expect(
        here.some((g) => !g.allowed && g.reasons.some((r) => r.code === "outside_slot")),
        code,
      ).toBe(true);
      expect(
        here.some((g) => g.allowed),
        code,
      ).toBe(true);
    }
  });

  it("keeps a trail that verifies", async () => {
    const report = await verifyAudit(await cliActorAs("grace.okafor@corp.demo"));
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(first.trail.length);
  });

  it("imports and matches two advisories and drafts a change when the corpus is there", async () => {
    expect(result.advisories).toEqual({
      imported: ["ICSA-23-325-01", "ICSA-24-226-03"],
      draftedChanges: [expect.stringMatching(/^CHG-/)],
    });
    expect(first.changes.filter((c) => c.state === "draft").length).toBeGreaterThanOrEqual(3);
  });

  it("says so, and seeds nothing, when the advisory folder is missing", async () => {
    const actor = await cliActorAs("omar.siddiqui@corp.demo");
    const outcome = await seedDemoAdvisories(
      { importer: actor, assessor: actor, requester: actor },
      "/nonexistent/csaf",
    );
    expect(outcome).toEqual({ skipped: expect.stringContaining("/nonexistent/csaf") });
  });

  it("seeds nothing into a database that has sites", async () => {
    expect(await seedDemo({ now: NOW })).toEqual({ seeded: false });
  });

  it("is the same plant twice from the same clock", async () => {
    await closeDb();
    await useTestDatabase();
    await seedDemo({ now: NOW });
    expect(await snapshot()).toEqual(first);
  }, 600_000);
});

// The gate-check log: dry runs of the deployment gate, outside the hash chain, append-only.
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, gateChecks } from "@/db/schema";
import { recordGateCheck } from "@/lib/audit/gate-checks";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { changeHistory } from "@/lib/services/changes/list-history";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { exportGateChecks } from "@/lib/services/gate-checks/export-gate-checks";
import { listGateChecks } from "@/lib/services/gate-checks/list-gate-checks";
import { useTestDatabase } from "../db";
import { HOUR, changeWorld, codeOf, draft, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

const chainLength = async () => (await db.select({ n: count() }).from(auditEvents))[0]!.n;
const refusal = (q: Promise<unknown>) =>
  q.then(
    () => "allowed",
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );

async function approvedChange(title: string, asset: keyof World["assets"] = "plc") {
  const { requester, opsA, securityA } = w.people;
  const c = await createChange(requester.actor, draft(w, [w.assets[asset].id], { title }));
  await submitChange(requester.actor, c.id);
  await sign(opsA.actor, c.id, "operations");
  await sign(securityA.actor, c.id, "security");
  return c;
}

describe("gate-check log", () => {
  it("records a dry run in the log and not in the chain; identical answers within a minute are one entry with a count", async () => {
    const c = await approvedChange("Polled by the patch server");
    const { implementer, auditor } = w.people;
    const before = await chainLength();
    for (let i = 0; i < 3; i++) expect((await evaluateGateFor(implementer.actor, c.id)).allowed).toBe(true);
    // A different question ends the run; asking the first question again starts a new entry.
    const early = new Date(Date.now() - 5 * HOUR).toISOString();
    expect((await evaluateGateFor(implementer.actor, c.id, early)).allowed).toBe(false);
    await evaluateGateFor(implementer.actor, c.id);
    await evaluateGateFor(auditor.actor, c.id);
    expect(await chainLength()).toBe(before);

    const page = await listGateChecks(auditor.actor, { change: c.number });
    expect(
      page.items.map((g) => [g.actorEmail, g.askedFor, g.allowed, g.count, g.reasons.map((r) => r.code)]),
    ).toEqual([
      [auditor.email, null, false, 1, ["not_implementer"]],
      [implementer.email, null, true, 1, []],
      [implementer.email, early, false, 1, ["outside_slot"]],
      [implementer.email, null, true, 3, []],
    ]);
    const polled = page.items.at(-1)!;
    expect(polled).toMatchObject({
      changeNumber: c.number,
      siteCode: "PLA",
      via: "session",
      changeState: "approved",
    });
    expect(Date.parse(polled.lastAt)).toBeGreaterThanOrEqual(Date.parse(polled.firstAt));
    expect((await changeHistory(auditor.actor, c.id)).items.map((e) => e.action)).not.toContain(
      "gate.decision",
    );
  });

  it("starts a new entry once the first answer is a minute old", async () => {
    const c = await approvedChange("Polled for long");
    const actor = w.people.implementer.actor;
    const t0 = new Date("2030-01-01T00:00:00Z");
    const input = (ms: number) => ({
      changeId: c.id,
      siteId: w.siteA.id,
      changeState: "approved",
      changeVersion: c.version,
      askedFor: null,
      allowed: true,
      reasons: [],
      now: new Date(t0.getTime() + ms),
    });
    for (const ms of [0, 30_000, 59_999, 60_000, 61_000]) await recordGateCheck(db, actor, input(ms));
    const rows = await db
      .select({ count: gateChecks.count, firstAt: gateChecks.firstAt, lastAt: gateChecks.lastAt })
      .from(gateChecks)
      .where(eq(gateChecks.changeId, c.id))
      .orderBy(gateChecks.id);
    expect(rows.map((r) => [r.count, r.lastAt.getTime() - t0.getTime()])).toEqual([
      [3, 59_999],
      [2, 61_000],
    ]);
  });

  it("keeps a real start attempt in the hash chain, refused or allowed, and the chain verifies", async () => {
    const c = await approvedChange("Started for real");
    const logged = async () =>
      (await db.select({ n: count() }).from(gateChecks).where(eq(gateChecks.changeId, c.id)))[0]!.n;
    expect(await codeOf(startChange(w.people.auditor.actor, c.id))).toBe("gate_refused");
    await startChange(w.people.implementer.actor, c.id);
    const decisions = (await changeHistory(w.people.auditor.actor, c.id)).items.filter(
      (e) => e.action === "gate.decision",
    );
    expect(decisions.map((d) => (d.after as { allowed: boolean }).allowed)).toEqual([false, true]);
    expect(await logged()).toBe(0);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("is append-only in the database: facts never change, nothing is removed, a count only grows within its minute", async () => {
    const [row] = await db.select().from(gateChecks).orderBy(gateChecks.id).limit(1);
    const id = row!.id;
    for (const change of [
      sql`update gate_checks set allowed = not allowed where id = ${id}`,
      sql`update gate_checks set reasons = '[]'::jsonb, reason_codes = '{}' where id = ${id}`,
      sql`update gate_checks set actor_email = 'someone@else' where id = ${id}`,
      sql`update gate_checks set first_at = first_at - interval '1 hour' where id = ${id}`,
      sql`update gate_checks set count = count - 1 where id = ${id}`,
      sql`update gate_checks set count = count + 5 where id = ${id}`,
      sql`update gate_checks set count = count + 1, last_at = first_at + interval '2 minutes' where id = ${id}`,
      sql`update gate_checks set count = count + 1, last_at = last_at - interval '1 second' where id = ${id}`,
    ])
      expect(await refusal(db.execute(change))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db.execute(sql`delete from gate_checks where id = ${id}`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(db.execute(sql`truncate gate_checks`))).toMatch(/append-only: TRUNCATE refused/);
    expect(
      await refusal(
        db.execute(sql`update gate_checks set count = count + 1, last_at = last_at where id = ${id}`),
      ),
    ).toBe("allowed");
    const [after] = await db.select().from(gateChecks).where(eq(gateChecks.id, id));
    expect(after).toEqual({ ...row, count: row!.count + 1 });
  });

  it("is for auditors and change managers of every site of the change; exports are recorded in the chain", async () => {
    const c = await approvedChange("Exported", "plc2");
    await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(await codeOf(listGateChecks(w.people.requester.actor, {}))).toBe("forbidden");
    expect(await codeOf(listGateChecks(w.people.auditor.actor, { change: "CHG-1999-00001" }))).toBe(
      "not_found",
    );
    await expect(listGateChecks(w.people.auditor.actor, { to: "yesterday" })).rejects.toThrow(/ISO 8601/);
    const board = await listGateChecks(w.people.boardA.actor, { change: c.number });
    expect(board.items).toHaveLength(1);
    expect(await codeOf(exportGateChecks(w.people.boardA.actor, {}, "csv"))).toBe("forbidden");

    const file = await exportGateChecks(w.people.auditor.actor, { change: c.number }, "csv");
    const text = await new Response(file.body).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFF?id,firstAt,lastAt,count,changeNumber/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(c.number);
    const json = JSON.parse(
      await new Response((await exportGateChecks(w.people.auditor.actor, {}, "json")).body).text(),
    ) as { changeNumber: string }[];
    expect(json.map((g) => g.changeNumber)).toContain(c.number);
    const exports = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "audit.export"), sql`${auditEvents.after}->>'kind' = 'gate_checks'`));
    expect(exports.map((e) => (e.after as { format: string }).format)).toEqual(["csv", "json"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

// Verification reads the chain in batches with plain SQL and hashes with a hand-ordered canonical
// body (lib/audit/chain-read.ts, hash.ts). This holds it to the promise of the trail: a change to
// any stored column of any event, or a missing event, is reported at that event, also at the
// edges of a batch, and the trail verifies again once the row is put back.
import { asc, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { chainHash } from "@/lib/audit/hash";
import { verifyAuditChain, type BreakKind } from "@/lib/audit/verify-chain";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let db: Db;
/** Small batches, so that breaks fall on the first and last row of a batch too. */
const BATCH = 4;
/**
 * In this thread and in three worker threads (batches dealt round-robin, checked in parallel):
 * the same answer, so a break in any batch and any worker is still the first one reported.
 */
async function verify() {
  const here = await verifyAuditChain(db, { batchSize: BATCH, workers: 0 });
  const workers = await verifyAuditChain(db, { batchSize: BATCH, workers: 3 });
  expect({ ...workers, ms: 0 }).toEqual({ ...here, ms: 0 });
  return here;
}

/** Payloads as awkward as stored ones get: nesting, unicode, escapes, numbers, JSON-looking text. */
const PAYLOADS: unknown[] = [
  { title: "Patch PLC-201A", assets: ["a", "b"], nested: { z: 1, a: [1, { y: null, b: true }] } },
  { reason: 'Quote " backslash \\ tab \t newline \n ünïcödé ✓ 😀 \u2028', n: -12.5, big: 1e21 },
  { "10": "integer-like keys", "2": "order", B: 1, _: 2, a: 3, é: 4 },
  ["top", "level", 3, null, false],
  'a string that looks like {"json": true}',
  42,
  { empty: {}, list: [], zero: 0, small: 0.000001 },
];

async function tamper(statement: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  }
}

let ids: number[] = [];
beforeAll(async () => {
  db = await useTestDatabase();
  const site = await makeSite("TMP");
  await makeUser(["TMP:auditor"]);
  // Events with payloads the services would not write, chained as chain-write.ts chains them.
  const [head] = await db
    .select()
    .from(auditEvents)
    .orderBy(sql`id desc`)
    .limit(1);
  let prev = head!.hash;
  for (let i = 0; i < 3 * PAYLOADS.length; i++) {
    const id = head!.id + 1 + i;
    const event = {
      id,
      at: new Date(Date.UTC(2027, 0, 1, 8, 0, 0, i * 7)),
      actorId: i % 2 ? null : "00000000-0000-4000-8000-000000000001",
      actorEmail: i % 3 ? `dana${i}@example.test` : null,
      action: "change.update",
      objectType: "change",
      objectId: `c-${i}`,
      siteId: i % 2 ? site.id : null,
      before: PAYLOADS[(i + 3) % PAYLOADS.length],
      after: PAYLOADS[i % PAYLOADS.length],
      reason: i % 4 ? `Reason ${i}` : null,
      ip: i % 5 ? "10.0.0.1" : null,
    };
    const hash = chainHash(prev, event);
    await db.insert(auditEvents).values({ ...event, prevHash: prev, hash });
    prev = hash;
  }
  ids = (await db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).map(
    (r) => r.id,
  );
});

describe("chain verification", () => {
  it("verifies the intact trail in any batch size, counting every event", async () => {
    expect(ids[0]).toBe(1);
    expect(ids.length).toBeGreaterThan(3 * BATCH);
    for (const batchSize of [1, BATCH, 5, 10_000])
      for (const workers of [0, 2]) {
        const r = await verifyAuditChain(db, { batchSize, workers });
        expect(r).toMatchObject({ ok: true, checked: ids.length, firstBrokenId: null });
      }
  });

  // Each column, and each position in a batch (first, last, middle), at least once.
  const cases: [string, (id: number) => ReturnType<typeof sql>, BreakKind, number][] = [
    [
      "at, by a millisecond",
      (id) => sql`update audit_events set at = at + interval '1 millisecond' where id = ${id}`,
      "hash",
      0,
    ],
    // A time no JavaScript Date can hold: reported, not a crash of the verification.
    [
      "at, moved to 44 BC",
      (id) => sql`update audit_events set at = '0044-03-15 12:00:00+00 BC' where id = ${id}`,
      "hash",
      7,
    ],
    [
      "actor_id",
      (id) => sql`update audit_events set actor_id = '00000000-0000-4000-8000-000000000009' where id = ${id}`,
      "hash",
      1,
    ],
    [
      "actor_email",
      (id) => sql`update audit_events set actor_email = 'mallory@example.test' where id = ${id}`,
      "hash",
      2,
    ],
    ["action", (id) => sql`update audit_events set action = 'change.cancel' where id = ${id}`, "hash", 3],
    ["object_type", (id) => sql`update audit_events set object_type = 'asset' where id = ${id}`, "hash", 4],
    ["object_id", (id) => sql`update audit_events set object_id = 'c-other' where id = ${id}`, "hash", 5],
    ["site_id", (id) => sql`update audit_events set site_id = null where id = ${id}`, "hash", 6],
    [
      "before",
      (id) => sql`update audit_events set before = '{"title":"Something else"}' where id = ${id}`,
      "hash",
      8,
    ],
    [
      "a nested value in after",
      (id) => sql`update audit_events set after = jsonb_set(after, '{nested,z}', '2') where id = ${id}`,
      "hash",
      0,
    ],
    [
      "after, replaced by its own JSON as a string",
      (id) => sql`update audit_events set after = to_jsonb(after::text) where id = ${id}`,
      "hash",
      13,
    ],
    ["reason", (id) => sql`update audit_events set reason = 'nothing to see' where id = ${id}`, "hash", 9],
    ["ip", (id) => sql`update audit_events set ip = '10.6.6.6' where id = ${id}`, "hash", 10],
    [
      "prev_hash",
      (id) => sql`update audit_events set prev_hash = ${"f".repeat(64)} where id = ${id}`,
      "link",
      11,
    ],
    ["hash", (id) => sql`update audit_events set hash = ${"e".repeat(64)} where id = ${id}`, "hash", 12],
  ];
  it.each(cases)("reports a changed %s at that event", async (_, change, kind, index) => {
    // Synthetic events start after the fixtures' own; index picks one of them (batch edges: id % 4).
    const first = ids.length - 3 * PAYLOADS.length;
    const victim = ids[first + 7 + index]!;
    const [original] = await db
      .select()
      .from(auditEvents)
      .where(sql`id = ${victim}`);
    await tamper(change(victim));
    const r = await verify();
    expect(r).toMatchObject({ ok: false, firstBrokenId: victim, broken: { kind, eventId: victim } });
    expect(r.checked).toBe(victim);
    // Put back, the row verifies again: the break was the change, not the reading.
    await tamper(sql`delete from audit_events where id = ${victim}`);
    await db.insert(auditEvents).values(original!);
    expect(await verify()).toMatchObject({ ok: true, checked: ids.length });
  });

  it("reports a removed event as a gap at the event after it, the first of a batch included", async () => {
    for (const victim of [ids[BATCH * 3]!, ids[BATCH * 3 + 1]!]) {
      const [original] = await db
        .select()
        .from(auditEvents)
        .where(sql`id = ${victim}`);
      await tamper(sql`delete from audit_events where id = ${victim}`);
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenId: victim + 1,
        broken: {
          kind: "gap",
          message: `Event #${victim} is missing: the trail jumps from #${victim - 1} to #${victim + 1}.`,
        },
      });
      await db.insert(auditEvents).values(original!);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });
});

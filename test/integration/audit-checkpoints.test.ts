import { createHash } from "node:crypto";
import { asc, gte, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { sealChainHead } from "@/lib/audit/checkpoint";
import { chainHash } from "@/lib/audit/hash";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createCheckpoint } from "@/lib/services/audit/create-checkpoint";
import { exportEvidence } from "@/lib/services/compliance/export-evidence";
import { listCheckpoints } from "@/lib/services/audit/list-checkpoints";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { readZip } from "./zip";

process.env.INTERLOCK_AUDIT_KEY = "test-checkpoint-key-0123456789abcdefghijklmnop";

let db: Db;
let auditor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("CKP");
  auditor = await makeUser(["CKP:auditor"]);
  await makeUser(["CKP:requester"]);
});

const refusal = (q: Promise<unknown>) =>
  q.then(
    () => "allowed",
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; name?: string }) => (e.name === "ZodError" ? "invalid" : e.code),
  );

describe("audit checkpoints", () => {
  it("seals the head with an HMAC and verification checks it", async () => {
    const cp = await createCheckpoint(auditor.actor);
    const [head] = await db
      .select()
      .from(auditEvents)
      .orderBy(sql`id desc`)
      .limit(1);
    expect(cp).toMatchObject({ eventId: head!.id, eventHash: head!.hash, reason: "on demand" });
    expect(cp.mac).toMatch(/^[0-9a-f]{64}$/);
    const r = await verifyAudit(auditor.actor);
    expect(r).toMatchObject({ ok: true, checkpointsChecked: 1, keyConfigured: true, broken: null });
    expect(r.checked).toBe(head!.id);
    expect(r.lastCheckpoint?.id).toBe(cp.id);
    expect((await listCheckpoints(auditor.actor)).map((c) => c.id)).toEqual([cp.id]);
  });

  it("writes no hourly seal when the head has not moved", async () => {
    expect(await sealChainHead(db, { reason: "hourly", onlyIfMoved: true })).toBeNull();
    await makeUser(["CKP:operations"]);
    expect(await sealChainHead(db, { reason: "hourly", onlyIfMoved: true })).not.toBeNull();
  });

  it("keeps checkpoints append-only in the database itself", async () => {
    expect(await refusal(db.execute(sql`update audit_checkpoints set event_id = 1`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(db.execute(sql`delete from audit_checkpoints`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(db.execute(sql`truncate audit_checkpoints`))).toMatch(
      /append-only: TRUNCATE refused/,
    );
  });

  it("verifies a period alone, and refuses reversed periods and readers without the role", async () => {
    const events = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const from = events[2]!.at;
    const r = await verifyAudit(auditor.actor, { from: from.toISOString() });
    expect(r.ok).toBe(true);
    expect(r.range?.fromId).toBe(events.find((e) => e.at >= from)!.id);
    expect(r.checked).toBe(events.filter((e) => e.at >= from).length);
    expect(
      await code(verifyAudit(auditor.actor, { from: "2027-02-01T00:00:00Z", to: "2027-01-01T00:00:00Z" })),
    ).toBe("invalid");
    expect(await code(verifyAudit(auditor.actor, { from: "last tuesday" }))).toBe("invalid");
    const requester = await makeUser(["CKP:requester"]);
    expect(await code(verifyAudit(requester.actor))).toBe("forbidden");
    expect(await code(createCheckpoint(requester.actor))).toBe("forbidden");
  });

  it("catches a trail rewritten and rehashed by someone with only database access", async () => {
    const [first] = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id)).limit(1);
    const victim = 2;
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await db.execute(sql`update audit_events set reason = 'rewritten' where id = ${victim}`);
    // Recompute every hash from the victim on, as an attacker who read the code would.
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.id, victim - 1))
      .orderBy(asc(auditEvents.id));
    let prev = rows[0]!.hash;
    for (const row of rows.filter((r) => r.id >= victim)) {
      const hash = chainHash(prev, row);
      await db.execute(sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`);
      prev = hash;
    }
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);

    // …but the first checkpoint names the hash its event had when it was sealed.
    const r = await verifyAudit(auditor.actor);
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({
      kind: "checkpoint_hash",
      eventId: first!.eventId,
      checkpointId: first!.id,
    });
    expect(r.broken!.message).toMatch(/rewritten and rehashed/);
    // Every link and hash up to the sealed event held: only the checkpoint exposes the rewrite.
    expect(r.checked).toBe(first!.eventId);
    expect(r.neighbours.map((n) => n.id)).toEqual([first!.eventId - 1, first!.eventId, first!.eventId + 1]);
    // Also when small batches are checked in worker threads: the seal is caught in whichever holds it.
    const here = await verifyAuditChain(db, { batchSize: 3, workers: 0 });
    const workers = await verifyAuditChain(db, { batchSize: 3, workers: 2 });
    expect(here.broken).toMatchObject({ kind: "checkpoint_hash", eventId: first!.eventId });
    expect({ ...workers, ms: 0 }).toEqual({ ...here, ms: 0 });
  });

  it("rejects a checkpoint forged without the key", async () => {
    const [head] = await db
      .select()
      .from(auditEvents)
      .orderBy(sql`id desc`)
      .limit(1);
    await db.insert(auditCheckpoints).values({
      at: new Date(),
      eventId: head!.id,
      eventHash: head!.hash,
      keyId: (await listCheckpoints(auditor.actor))[0]!.keyId,
      mac: "0".repeat(64),
      reason: "forged",
    });
    const r = await verifyAuditChain(db);
    expect(r.broken).toMatchObject({ kind: "checkpoint_signature", eventId: head!.id });
  });

  it("puts every checkpoint in the evidence pack, each with its own verdict, listed in the manifest", async () => {
    // A seal taken after the rewrite holds for the trail as it now is.
    const fresh = await createCheckpoint(auditor.actor);
    const pack = await exportEvidence(auditor.actor, {
      site: "CKP",
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const files = await readZip(Buffer.from(await new Response(pack.body).arrayBuffer()));
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as {
      files: { path: string; sha256: string }[];
      checkpoints: { count: number; holding: number };
      verification: { ok: boolean };
    };
    for (const path of ["audit/checkpoints.json", "audit/checkpoints.csv"]) {
      const listed = manifest.files.find((f) => f.path === path);
      expect(listed?.sha256, path).toBe(createHash("sha256").update(files.get(path)!).digest("hex"));
    }
    const stored = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
    const checked = JSON.parse(files.get("audit/checkpoints.json")!.toString("utf8")) as {
      id: number;
      mac: string;
      signature: string;
      sealedEvent: string;
      ok: boolean;
    }[];
    expect(checked.map((c) => [c.id, c.mac])).toEqual(stored.map((c) => [c.id, c.mac]));
    // The seals from before the rewrite expose it, the forged one its signature; the fresh one holds.
    expect(checked[0]).toMatchObject({ signature: "valid", sealedEvent: "differs", ok: false });
    expect(checked.at(-2)).toMatchObject({ signature: "invalid", sealedEvent: "matches", ok: false });
    expect(checked.filter((c) => c.ok).map((c) => c.id)).toEqual([fresh.id]);
    expect(manifest.checkpoints).toMatchObject({ count: stored.length, holding: 1 });
    expect(manifest.verification.ok).toBe(false);
    const csv = files.get("audit/checkpoints.csv")!.toString("utf8");
    expect(csv.split("\r\n")[0]).toContain("sealedEvent");
    expect(csv).toContain("the trail was rewritten");
  });
});

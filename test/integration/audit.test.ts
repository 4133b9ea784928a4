import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let db: Db;
beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("AUD");
  await makeUser(["AUD:auditor"]);
});

describe("audit trail", () => {
  it("chains every event and verifies intact", async () => {
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(4);
    expect(result.firstBrokenId).toBeNull();
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "allowed",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(db.execute(sql`update audit_events set reason = 'x' where id = 1`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(db.execute(sql`delete from audit_events where id = 1`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE refused/);
  });

  it("reports the first tampered row when the owner bypasses the trigger", async () => {
    const before = await db.select({ id: auditEvents.id }).from(auditEvents);
    const victim = before[2]!.id;
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await db.execute(sql`update audit_events set reason = 'nothing to see' where id = ${victim}`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, firstBrokenId: victim });
  });
});

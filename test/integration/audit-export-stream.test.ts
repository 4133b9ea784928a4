import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { exportAuditEvents } from "@/lib/services/audit";
import { EXPORT_BATCH } from "@/lib/services/audit/export-events";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

const EVENTS = 200_000;

let db: Db;
let auditor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  db = await useTestDatabase();
  const site = await makeSite("STR");
  auditor = await makeUser(["STR:auditor"]);
  // Bulk rows straight into the table (inserts are what the trail allows); this test is about
  // streaming, not chain links, so the hashes are placeholders.
  await db.execute(sql`
    insert into audit_events (id, at, actor_email, action, object_type, object_id, site_id, after, reason, prev_hash, hash)
    select base + i, now() - make_interval(secs => ${EVENTS} - i), 'bulk@example.test', 'asset.update', 'asset',
           'A-' || i, ${site.id}::uuid, jsonb_build_object('firmware', 'v' || i),
           'Firmware update batch ' || i || ', see ticket', repeat('0', 64), md5(i::text) || md5(i::text)
    from generate_series(1, ${EVENTS}) as i, (select coalesce(max(id), 0) as base from audit_events) b
  `);
  // Fresh statistics, as autovacuum (PostgreSQL) or the hourly job (embedded) would keep them.
  await db.execute(sql`analyze audit_events`);
}, 300_000);

describe("streaming export", () => {
  it("streams 200,000 events in batches with flat memory, and records the export", async () => {
    const file = await exportAuditEvents(auditor.actor, { site: "STR", action: "asset.update" }, "csv");
    const reader = file.body.getReader();
    // Retained memory, not garbage awaiting collection: collect before each sample.
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    let peak = 0;
    let chunks = 0;
    let bytes = 0;
    let lines = 0;
    let biggest = 0;
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      bytes += value.byteLength;
      biggest = Math.max(biggest, value.byteLength);
      // Reasons hold no line breaks here, so each CRLF ends one record.
      lines += decoder.decode(value).split("\r\n").length - 1;
      if (chunks % 10 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
      }
    }
    expect(lines).toBe(EVENTS + 1);
    // A header chunk, then one chunk per batch: the file was never built whole.
    expect(chunks).toBe(1 + Math.ceil(EVENTS / EXPORT_BATCH));
    expect(biggest).toBeLessThan(bytes / 50);
    // The whole file is tens of megabytes; what the process retained at any time stayed far below it.
    expect(bytes).toBeGreaterThan(40 * 1024 * 1024);
    expect(peak).toBeLessThan(16 * 1024 * 1024);
    console.log(
      `export: ${EVENTS} events, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${chunks} chunks, peak retained heap growth ${(peak / 1024 / 1024).toFixed(1)} MB`,
    );

    const [recorded] = await db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, "audit.export"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(recorded).toMatchObject({ after: { upToId: file.upToId, filter: { site: "STR" } } });
  }, 300_000);
});

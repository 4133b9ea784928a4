import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { sealChainHead } from "@/lib/audit/checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { cliActor } from "@/lib/auth/resolve";
import { backupDatabase } from "@/lib/services/database/backup-database";
import { restoreDatabase } from "@/lib/services/database/restore-database";
import { usingPostgres } from "../db";
import { makeSite, makeUser } from "../fixtures";

process.env.INTERLOCK_AUDIT_KEY = "backup-test-key-0123456789abcdefghijklmnopqrstuvwxyz";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "interlock-backup-"));
afterAll(async () => {
  await closeDb();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function everyTable(): Promise<Record<string, unknown[]>> {
  const db = await getDb();
  const res = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows?: unknown[] } & unknown[];
  const names = ("rows" in res ? res.rows : res) as { table_name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of names) {
    const rows = (await db.execute(sql.raw(`select * from "${table_name}" order by 1`))) as unknown as {
      rows?: unknown[];
    } & unknown[];
    out[table_name] = JSON.parse(JSON.stringify("rows" in rows ? rows.rows : rows));
  }
  return out;
}

// PostgreSQL is backed up with pg_dump/pg_restore (README); this is the embedded database's own path.
describe.skipIf(usingPostgres())("backup and restore of the embedded database", () => {
  it("restores a snapshot with every table equal, verifying its chain and checkpoints", async () => {
    await closeDb();
    process.env.INTERLOCK_DATA_DIR = path.join(tmp, "live");
    await getDb();
    await makeSite("BKP");
    await makeUser(["BKP:auditor"]);
    await sealChainHead(await getDb(), { reason: "on demand" });
    const backup = await backupDatabase(cliActor());
    expect(backup.filename).toMatch(/^interlock-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    const file = path.join(tmp, backup.filename);
    fs.writeFileSync(file, Buffer.from(await backup.body.arrayBuffer()));
    const before = await everyTable();
    expect(before.audit_events!.length).toBeGreaterThan(3);
    expect(before.audit_checkpoints).toHaveLength(1);
    expect((before.audit_events!.at(-1) as { action: string }).action).toBe("database.backup");
    // Changes after the snapshot are not in it.
    await makeSite("AFT");
    await closeDb();

    process.env.INTERLOCK_DATA_DIR = path.join(tmp, "restored");
    expect(await restoreDatabase(file)).toEqual({ keptAs: null });
    expect(await everyTable()).toEqual(before);
    expect(await verifyAuditChain(await getDb())).toMatchObject({ ok: true, checkpointsChecked: 1 });
    await closeDb();

    // Over existing data: the old folder is kept aside, never deleted.
    const again = await restoreDatabase(file);
    expect(again.keptAs && fs.existsSync(again.keptAs)).toBe(true);
    expect(await everyTable()).toEqual(before);
  }, 120_000);

  it("refuses a missing file and non-administrators", async () => {
    // Restoring under a running server is refused by the folder lock (test/integration/lock.test.ts).
    await expect(restoreDatabase(path.join(tmp, "none.tar.gz"))).rejects.toThrow(/not found/);
    const auditor = await makeUser(["BKP:auditor"]);
    await expect(backupDatabase(auditor.actor)).rejects.toThrow(/administrator/);
  }, 60_000);
});

// Two app instances (this process and a child process, each with its own connection pool) append
// to one PostgreSQL database at the same time: the chain must still verify, with every event in it.
import { spawn } from "node:child_process";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { useTestDatabase, usingPostgres } from "../db";
import { appendBackupEvents } from "../audit-writes";

const ROOT = path.resolve(__dirname, "..", "..");
const EACH = 20;

/** Starts the child; resolves `writing` once it is connected and appending, `done` when it exits. */
function secondInstance(): { writing: Promise<void>; done: Promise<void> } {
  const child = spawn(
    "npx",
    ["tsx", "--conditions=react-server", path.join(ROOT, "test", "audit-writer.ts"), String(EACH), "child"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } },
  );
  let out = "";
  let started: () => void = () => {};
  const writing = new Promise<void>((resolve) => (started = resolve));
  child.stdout.on("data", (d) => {
    out += String(d);
    if (out.includes("writing")) started();
  });
  child.stderr.on("data", (d) => (out += String(d)));
  const done = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => {
      started();
      if (code === 0) resolve();
      else reject(new Error(`second instance failed: ${out}`));
    }),
  );
  return { writing, done };
}

// PGlite is one process by design (the data folder is locked to it); two instances need PostgreSQL.
describe.skipIf(!usingPostgres())("two app instances appending at once", () => {
  let db: Db;
  beforeAll(async () => {
    db = await useTestDatabase();
  });

  it("produce one chain that verifies, holding every event of both", async () => {
    const child = secondInstance();
    await child.writing;
    await appendBackupEvents(EACH, "parent");
    await child.done;
    await appendBackupEvents(2, "parent-after");
    const [{ n }] = (await db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, "database.backup"))) as [{ n: number }];
    // Five writers per run, two events per transaction: the child's, the parent's, then two more each.
    expect(n).toBe((EACH + EACH + 2) * 5 * 2);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, firstBrokenId: null });
  }, 300_000);
});

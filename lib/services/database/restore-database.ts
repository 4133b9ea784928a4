import "server-only";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/client";
import { lockDataDir } from "@/db/lock";
import { ServiceError } from "@/lib/services/base/errors";

/**
 * Replaces the embedded database with a backup: only while no server holds the folder (the lock
 * refuses otherwise). The current data, if any, is kept beside it as pgdata.before-restore-<time>.
 * Returns where the old data went; the caller then opens the restored database and verifies it.
 */
export async function restoreDatabase(file: string): Promise<{ keptAs: string | null }> {
  if (process.env.DATABASE_URL)
    throw new ServiceError("invalid", "restore is for the embedded database; use pg_restore for PostgreSQL.");
  if (!fs.existsSync(file)) throw new ServiceError("not_found", `${file} not found.`);
  const root = dataDir();
  fs.mkdirSync(root, { recursive: true });
  const release = lockDataDir(root);
  try {
    const target = path.join(root, "pgdata");
    let keptAs: string | null = null;
    if (fs.existsSync(target)) {
      keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[-:.]/g, "")}`;
      fs.renameSync(target, keptAs);
    }
    try {
      const { PGlite } = await import("@electric-sql/pglite");
      const client = await PGlite.create(target, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      await client.query("select 1");
      await client.close();
    } catch (e) {
      // A broken or foreign file: put the previous data back as it was.
      fs.rmSync(target, { recursive: true, force: true });
      if (keptAs) fs.renameSync(keptAs, target);
      throw new ServiceError("invalid", `${file} is not an Interlock backup: ${(e as Error).message}`);
    }
    return { keptAs };
  } finally {
    release();
  }
}

import fs from "node:fs";
import { dataDir, getDb } from "@/db/client";
import { DataDirLockedError, lockDataDir } from "@/db/lock";
import { cliActor } from "@/lib/auth/resolve";
import { ServiceError } from "@/lib/services/base/errors";
import { backupDatabase } from "@/lib/services/database/backup-database";
import { createRuntimeRole } from "@/lib/services/database/create-runtime-role";
import { restoreDatabase } from "@/lib/services/database/restore-database";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import type { Command } from "./commands";

function target(positionals: string[], verb: string): string {
  const file = positionals[0];
  if (!file) throw new ServiceError("invalid", `${verb} needs a file: npm run interlock -- ${verb} <file>`);
  return file;
}

/**
 * While a server runs it holds the embedded folder, and two processes must never open one folder;
 * so the command line asks that server for the snapshot (an administrator's API token), and opens
 * the folder itself only when no server holds it.
 */
async function snapshotFromServer(url: string, token: string | undefined): Promise<Buffer> {
  if (!token)
    throw new ServiceError(
      "invalid",
      "A server holds the embedded database. Pass an administrator's API token (--token or INTERLOCK_TOKEN) so the server takes the snapshot, or stop the server.",
    );
  const res = await fetch(new URL("/api/v1/admin/backup", url), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw new ServiceError(
      "invalid",
      `the server refused the backup (${res.status}): ${problem?.detail ?? res.statusText}`,
    );
  }
  return Buffer.from(await res.arrayBuffer());
}

export const DATABASE_COMMANDS: Record<string, Command> = {
  "db:runtime-role": {
    usage: "--role NAME [--password P]  PostgreSQL login that may read and insert the trail, never change it",
    options: { role: { type: "string" }, password: { type: "string" } },
    async run(v) {
      const role = typeof v.role === "string" ? v.role : "";
      if (!role) throw new ServiceError("invalid", "--role is required.");
      const password =
        typeof v.password === "string" ? v.password : (process.env.INTERLOCK_RUNTIME_PASSWORD ?? null);
      await createRuntimeRole(role, password);
      console.log(`role ${role} ready: run the server as it with INTERLOCK_MIGRATE=0`);
    },
  },
  backup: {
    usage: "<file> [--url URL --token T]  consistent snapshot of the embedded database (.tar.gz)",
    options: { url: { type: "string" }, token: { type: "string" } },
    async run(v, positionals) {
      const file = target(positionals, "backup");
      if (process.env.DATABASE_URL)
        throw new ServiceError(
          "invalid",
          "For PostgreSQL use pg_dump (see the README); backup is for the embedded database.",
        );
      let held = false;
      try {
        lockDataDir(dataDir())();
      } catch (e) {
        if (!(e instanceof DataDirLockedError)) throw e;
        held = true;
      }
      const url =
        (typeof v.url === "string" && v.url) ||
        process.env.NEXTAUTH_URL ||
        `http://localhost:${process.env.PORT ?? 3000}`;
      const bytes = held
        ? await snapshotFromServer(url, typeof v.token === "string" ? v.token : process.env.INTERLOCK_TOKEN)
        : Buffer.from(await (await backupDatabase(cliActor())).body.arrayBuffer());
      fs.writeFileSync(file, bytes, { mode: 0o600 });
      console.log(
        `backup written to ${file} (${bytes.length} bytes${held ? ", taken by the running server" : ""})`,
      );
    },
  },
  restore: {
    usage: "<file>  replace the embedded database with a backup (server stopped), then verify it",
    options: {},
    async run(_v, positionals) {
      const { keptAs } = await restoreDatabase(target(positionals, "restore"));
      await getDb();
      const r = await verifyAudit(cliActor());
      if (keptAs) console.log(`previous data kept in ${keptAs}`);
      if (!r.ok)
        throw new ServiceError(
          "conflict",
          `restored, but the audit trail does not verify: ${r.broken!.message}`,
        );
      console.log(
        `restored; audit trail intact: ${r.checked} events and ${r.checkpointsChecked} checkpoints checked`,
      );
    },
  },
};

import "server-only";
import { databaseKind, dumpEmbeddedDatabase, getDb } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { ServiceError, forbidden } from "@/lib/services/base/errors";

/**
 * A consistent snapshot of the embedded database as a gzipped tar of its data folder, taken by the
 * process that holds the folder (PGlite runs one query at a time, so the dump falls between
 * transactions). Administrators only; recorded in the trail before the dump, so the backup holds
 * its own event.
 */
export async function backupDatabase(actor: Actor): Promise<{ filename: string; body: Blob }> {
  if (!actor.isAdmin) throw forbidden("Only an administrator may back up the database.");
  if ((await databaseKind()) !== "pglite")
    throw new ServiceError(
      "invalid",
      "This server uses PostgreSQL: back it up with pg_dump (see the README).",
    );
  const db = await getDb();
  await db.transaction((tx) => appendAudit(tx, actor, { action: "database.backup", objectType: "database" }));
  const body = await dumpEmbeddedDatabase();
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "");
  return { filename: `interlock-backup-${stamp}Z.tar.gz`, body };
}

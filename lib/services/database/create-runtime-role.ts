import "server-only";
import { sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db/client";
import { ServiceError, invalid } from "@/lib/services/base/errors";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Tables whose rows are evidence: the runtime role may read and add to them, never change them. */
const APPEND_ONLY = ["audit_events", "audit_checkpoints", "gate_checks"];

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The statements that make (or bring up to date) a least-privilege login for the app server: it
 * reads and writes the app's tables, but the trail, its checkpoints and the gate-check log only take SELECT
 * and INSERT (and the log's repeat count).
 * It owns nothing, so it cannot ALTER the tables, drop or disable their triggers, or TRUNCATE.
 * Run again after migrations that add tables.
 */
export function runtimeRoleStatements(role: string, password: string | null, database: string): string[] {
  if (!ROLE_NAME.test(role))
    throw invalid("The role name is lower-case letters, digits and underscores, starting with a letter.", [
      { path: "role", message: "Invalid role name" },
    ]);
  const appendOnly = APPEND_ONLY.join(", ");
  return [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role)}) THEN CREATE ROLE ${role} LOGIN; END IF; END $$`,
    `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS${password ? ` PASSWORD ${literal(password)}` : ""}`,
    `GRANT CONNECT ON DATABASE "${database.replace(/"/g, '""')}" TO ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `REVOKE CREATE ON SCHEMA public FROM ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly} FROM ${role}`,
    // The gate-check log counts repeated identical answers; its trigger limits that to count+1.
    `GRANT UPDATE (count, last_at) ON gate_checks TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
  ];
}

export async function createRuntimeRole(role: string, password: string | null): Promise<{ role: string }> {
  if ((await databaseKind()) !== "postgres")
    throw new ServiceError(
      "invalid",
      "db:runtime-role is for PostgreSQL (set DATABASE_URL); the embedded database has a single user.",
    );
  const db = await getDb();
  const [{ db: name }] = (await db.execute(sql`select current_database() as db`)) as unknown as [
    { db: string },
  ];
  await db.transaction(async (tx) => {
    for (const s of runtimeRoleStatements(role, password, name)) await tx.execute(sql.raw(s));
  });
  return { role };
}

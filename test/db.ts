import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";

/**
 * Gives this test file a database of its own: a fresh PGlite in memory, or, when DATABASE_URL
 * names a PostgreSQL server, a new database on it. The app code then opens it as usual.
 */
export async function useTestDatabase() {
  await closeDb();
  const server = process.env.INTERLOCK_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (server) {
    process.env.INTERLOCK_TEST_SERVER_URL = server;
    const name = `t_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.INTERLOCK_DATA_DIR = "memory://";
  }
  return getDb();
}

export const usingPostgres = () => Boolean(process.env.INTERLOCK_TEST_SERVER_URL ?? process.env.DATABASE_URL);

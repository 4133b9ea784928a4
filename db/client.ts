import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { lockDataDir } from "./lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

interface Handle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /** The embedded database's data folder as a gzipped tar (PGlite's dumpDataDir). */
  dump?: () => Promise<Blob>;
}

/** INTERLOCK_MIGRATE=0: a server running as the least-privilege role leaves migrations to the owner. */
const migrating = () => process.env.INTERLOCK_MIGRATE !== "0";

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.INTERLOCK_DATA_DIR ?? ".data");
}

async function openPglite(): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = process.env.INTERLOCK_DATA_DIR;
  let client: InstanceType<typeof PGlite>;
  let release = () => {};
  if (dir === "memory://") {
    client = await PGlite.create();
  } else {
    const root = dataDir();
    release = lockDataDir(root);
    client = await PGlite.create(path.join(/*turbopackIgnore: true*/ root, "pgdata"));
  }
  const db = withCommitHooks(drizzle({ client, schema, casing: "snake_case" }) as unknown as Db);
  await migrate(db as never, { migrationsFolder: MIGRATIONS });
  return {
    db,
    kind: "pglite",
    dump: () => client.dumpDataDir("gzip"),
    async close() {
      await client.close();
      release();
    },
  };
}

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connection: { application_name: "interlock" },
  });
  const db = withCommitHooks(drizzle({ client, schema, casing: "snake_case" }) as unknown as Db);
  // Several app instances may start at once: one migrates, the others wait on the lock.
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (migrating()) {
      await lockClient`select pg_advisory_lock(8142001)`;
      await migrate(db as never, { migrationsFolder: MIGRATIONS });
    }
  } finally {
    await lockClient`select pg_advisory_unlock(8142001)`.catch(() => {});
    await lockClient.end();
  }
  return { db, kind: "postgres", close: () => client.end() };
}

/** Work a transaction does last, after its callback and just before COMMIT (see withCommitHooks). */
type CommitHook = () => Promise<void>;
const commitHooks = new WeakMap<object, CommitHook[]>();

/**
 * Runs `hook` at the end of the transaction, just before it commits (not on rollback). Returns
 * false when `tx` is not a top-level transaction opened through getDb()'s `transaction` (a
 * savepoint, or the database itself): the caller must then do the work at once.
 */
export function beforeCommit(tx: Executor, hook: CommitHook): boolean {
  const hooks = commitHooks.get(tx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/**
 * Lets code inside a transaction defer work to its end: the audit chain is appended there, so
 * its lock is held only for the append and the commit, not for the rest of the transaction.
 */
function withCommitHooks(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work: (tx: Tx) => Promise<unknown>, config?: unknown) =>
    transaction(async (tx) => {
      const hooks: CommitHook[] = [];
      commitHooks.set(tx, hooks);
      const result = await work(tx);
      for (let i = 0; i < hooks.length; i++) await hooks[i]!();
      commitHooks.delete(tx);
      return result;
    }, config as never)) as Db["transaction"];
  return db;
}

const globalForDb = globalThis as unknown as { __interlockDb?: Promise<Handle> };

function handle(): Promise<Handle> {
  if (!globalForDb.__interlockDb) {
    const url = process.env.DATABASE_URL;
    const opening = url ? openPostgres(url) : openPglite();
    globalForDb.__interlockDb = opening;
    opening.catch(() => {
      globalForDb.__interlockDb = undefined;
    });
  }
  return globalForDb.__interlockDb;
}

/** The process-wide database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function databaseKind(): Promise<"pglite" | "postgres"> {
  return (await handle()).kind;
}

/** A consistent snapshot of the embedded database; taken between queries, as PGlite runs one at a time. */
export async function dumpEmbeddedDatabase(): Promise<Blob> {
  const h = await handle();
  if (!h.dump) throw new Error("Only the embedded database can be dumped here; use pg_dump for PostgreSQL.");
  return h.dump();
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__interlockDb;
  globalForDb.__interlockDb = undefined;
  if (h) await (await h).close();
}

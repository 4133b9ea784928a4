// The statements an operation sends (captured from drizzle's logger) and their replay straight on
// the driver, with no service code: the floor of the fleet benchmark.
import type { Db } from "@/db/client";

export interface Statement {
  sql: string;
  params: unknown[];
}

interface Session {
  logger: { logQuery(sql: string, params: unknown[]): void };
  options: { logger?: Session["logger"] };
  client: {
    unsafe?: (sql: string, params: unknown[]) => Promise<unknown>;
    query?: (sql: string, params: unknown[]) => Promise<unknown>;
  };
}

const session = (db: Db) => (db as unknown as { session: Session }).session;

/** Runs `op` once and returns every statement it sent, transactions included (their BEGIN/COMMIT aside). */
export async function captureSql(db: Db, op: () => Promise<unknown>): Promise<Statement[]> {
  const s = session(db);
  const seen: Statement[] = [];
  const logger = {
    logQuery: (sql: string, params: unknown[]) => void seen.push({ sql, params: [...params] }),
  };
  const before = { logger: s.logger, option: s.options.logger };
  s.logger = logger;
  s.options.logger = logger; // transactions make their own session from these options
  try {
    await op();
  } finally {
    s.logger = before.logger;
    s.options.logger = before.option;
  }
  return seen;
}

/** The same statements, one after another, on the driver itself; resolves to the last result. */
export function replay(db: Db, statements: Statement[]): () => Promise<unknown> {
  const client = session(db).client;
  return async () => {
    let last: unknown = null;
    for (const st of statements)
      last = await (client.unsafe
        ? client.unsafe(st.sql, st.params as never[])
        : client.query!(st.sql, st.params));
    return last;
  };
}

/** The statement's plan with EXPLAIN ANALYZE, one line per element. */
export async function explain(db: Db, st: Statement): Promise<string[]> {
  const client = session(db).client;
  const text = `explain (analyze, buffers) ${st.sql}`;
  const res = (await (client.unsafe
    ? client.unsafe(text, st.params as never[])
    : client.query!(text, st.params))) as { rows?: Record<string, string>[] } & Record<string, string>[];
  return (res.rows ?? res).map((r) => Object.values(r)[0]!);
}

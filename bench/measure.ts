// Timing for the fleet benchmark: one caller's p50/p99, ten callers' throughput, and the floor:
// the very SQL statements the operation sent, replayed straight on the driver, with no service code.
import { performance } from "node:perf_hooks";
import type { Db } from "@/db/client";

interface Statement {
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

/** The same statements, one after another, on the driver itself. */
export function replay(db: Db, statements: Statement[]): () => Promise<void> {
  const client = session(db).client;
  return async () => {
    for (const st of statements)
      await (client.unsafe ? client.unsafe(st.sql, st.params as never[]) : client.query!(st.sql, st.params));
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
}

/** `runs` calls one after another (after 3 warm-ups), then `callers` concurrent loops of `each` calls. */
export async function measure(
  op: () => Promise<unknown>,
  opts: { runs: number; callers: number; each: number },
): Promise<Figures> {
  for (let i = 0; i < 3; i++) await op();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.callers }, async () => {
      for (let i = 0; i < opts.each; i++) await op();
    }),
  );
  const perSecond = (opts.callers * opts.each) / ((performance.now() - t0) / 1000);
  return { p50: pct(samples, 0.5), p99: pct(samples, 0.99), perSecond };
}

import "server-only";
import { and, eq, gt, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { gateChecks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Equal, counting two nulls as equal. */
const same = (col: AnyColumn, value: unknown): SQL => sql`${col} is not distinct from ${value}`;

/** Identical consecutive answers to one caller within this span share one entry with a count. */
export const GATE_CHECK_COALESCE_MS = 60_000;

export interface GateCheckInput {
  changeId: string;
  siteId: string;
  changeState: string;
  changeVersion: number;
  /** The instant asked about with `?at=`, or null for "now". */
  askedFor: Date | null;
  allowed: boolean;
  reasons: { code: string; message: string }[];
  userAgent?: string | null;
  /** When the answer was given (the server's clock). */
  now: Date;
}

/**
 * Records one dry run of the deployment gate in the gate-check log, outside the hash chain and
 * without its lock. When the caller's previous entry for this change gave the same answer on the
 * same basis (change version and state, instant asked about, token, address, client) and began less
 * than a minute ago, that entry's count goes up instead (one statement); otherwise a new entry.
 * Consecutive: an answer that differs ends the run, so the log keeps every change of answer in order.
 */
export async function recordGateCheck(ex: Executor, actor: Actor, input: GateCheckInput): Promise<void> {
  const who = {
    actorId: actor.userId,
    actorEmail: actor.kind === "system" ? `cli:${actor.email}` : actor.email,
    via: actor.via,
    tokenId: actor.tokenId,
    ip: actor.ip,
    userAgent: input.userAgent ? input.userAgent.slice(0, 200) : null,
  };
  const reasons = input.reasons.map((r) => ({ code: r.code, message: r.message }));
  const last = sql`(select max(${gateChecks.id}) from ${gateChecks} where ${and(
    eq(gateChecks.changeId, input.changeId),
    eq(gateChecks.actorEmail, who.actorEmail),
  )})`;
  const bumped = await ex
    .update(gateChecks)
    .set({ count: sql`${gateChecks.count} + 1`, lastAt: input.now })
    .where(
      and(
        eq(gateChecks.id, last),
        same(gateChecks.actorId, who.actorId),
        eq(gateChecks.via, who.via),
        same(gateChecks.tokenId, who.tokenId),
        same(gateChecks.ip, who.ip),
        same(gateChecks.userAgent, who.userAgent),
        sql`${gateChecks.askedFor} is not distinct from ${input.askedFor?.toISOString() ?? null}::timestamptz`,
        eq(gateChecks.allowed, input.allowed),
        eq(gateChecks.reasons, sql`${JSON.stringify(reasons)}::jsonb`),
        eq(gateChecks.changeState, input.changeState),
        eq(gateChecks.changeVersion, input.changeVersion),
        gt(gateChecks.firstAt, new Date(input.now.getTime() - GATE_CHECK_COALESCE_MS)),
        lte(gateChecks.lastAt, input.now),
      ),
    )
    .returning({ id: gateChecks.id });
  if (bumped.length) return;
  await ex.insert(gateChecks).values({
    changeId: input.changeId,
    siteId: input.siteId,
    ...who,
    askedFor: input.askedFor,
    allowed: input.allowed,
    reasonCodes: reasons.map((r) => r.code),
    reasons,
    changeState: input.changeState,
    changeVersion: input.changeVersion,
    firstAt: input.now,
    lastAt: input.now,
    count: 1,
  });
}

import "server-only";
import { currentTime } from "@/lib/clock";
import { desc, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AUDIT_ACTIONS, type AuditAction } from "./actions";
import { GENESIS_HASH, chainHash } from "./hash";

const AUDIT_CHAIN_LOCK = 8142002;

const eventSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  objectType: z.string().min(1).max(64),
  objectId: z.string().max(200).nullable(),
  siteId: z.uuid().nullable(),
  reason: z.string().max(10_000).nullable(),
});

export interface AuditInput {
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  siteId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditActorInfo {
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
}

export function actorInfo(actor: Actor | null, fallback?: Partial<AuditActorInfo>): AuditActorInfo {
  if (!actor) return { actorId: null, actorEmail: fallback?.actorEmail ?? null, ip: fallback?.ip ?? null };
  return {
    actorId: actor.userId,
    actorEmail: actor.kind === "system" ? `cli:${actor.email}` : actor.email,
    ip: actor.ip,
  };
}

/** Dates become ISO strings and undefined disappears, exactly as jsonb will give them back. */
function toJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/**
 * Appends one event inside the caller's transaction. It fails closed: an invalid event throws
 * and rolls the whole mutation back. A transaction-scoped advisory lock serialises appenders so
 * that id order is chain order on PostgreSQL as on PGlite.
 */
export async function appendAudit(
  tx: Tx,
  who: Actor | AuditActorInfo | null,
  input: AuditInput,
): Promise<number> {
  const parsed = eventSchema.parse({
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    siteId: input.siteId ?? null,
    reason: input.reason ?? null,
  });
  const info = who && "kind" in who ? actorInfo(who) : (who ?? { actorId: null, actorEmail: null, ip: null });
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const id = (last?.id ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = currentTime();
  const event = {
    id,
    at,
    actorId: info.actorId,
    actorEmail: info.actorEmail,
    action: parsed.action,
    objectType: parsed.objectType,
    objectId: parsed.objectId,
    siteId: parsed.siteId,
    before: toJson(input.before),
    after: toJson(input.after),
    reason: parsed.reason,
    ip: info.ip,
  };
  const hash = chainHash(prevHash, event);
  await tx.insert(auditEvents).values({ ...event, prevHash, hash });
  return id;
}

/** Field-level difference for edit events: only what changed, old and new. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(toJson(before[key])) !== JSON.stringify(toJson(after[key]))) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

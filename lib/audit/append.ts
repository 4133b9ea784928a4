import "server-only";
import { z } from "zod";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { chainAtCommit } from "./chain-write";
import { auditEventSchema, type AuditPayloadInput } from "./events";

/** Where the event sits; what it says is its type's payload (./events). */
const envelopeSchema = z.object({
  objectId: z.string().max(200).nullable(),
  siteId: z.uuid().nullable(),
  reason: z.string().max(10_000).nullable(),
});

export type AuditInput = AuditPayloadInput & {
  objectId?: string | null;
  siteId?: string | null;
  reason?: string | null;
};

/** An event that does not match its type's schema: a bug in the caller, so the mutation rolls back. */
export class AuditEventInvalid extends Error {
  constructor(action: string, cause: z.ZodError) {
    super(`Audit event ${action} does not match its schema: ${z.prettifyError(cause)}`, { cause });
    this.name = "AuditEventInvalid";
  }
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

/** The event as it will be stored (jsonb), checked against its type: the check covers what is hashed. */
function validated(input: AuditInput) {
  const envelope = envelopeSchema.safeParse({
    objectId: input.objectId ?? null,
    siteId: input.siteId ?? null,
    reason: input.reason ?? null,
  });
  if (!envelope.success) throw new AuditEventInvalid(String(input.action), envelope.error);
  const payload = {
    action: input.action,
    objectType: input.objectType,
    before: toJson(input.before),
    after: toJson(input.after),
  };
  const typed = auditEventSchema.safeParse(payload);
  if (!typed.success) throw new AuditEventInvalid(String(input.action), typed.error);
  // The stored payload is the input as jsonb holds it, not zod's copy of it.
  return { ...envelope.data, ...payload };
}

/**
 * Appends one event to the caller's transaction. It fails closed: an event that does not match its
 * type (lib/audit/events) throws at once and rolls the whole mutation back. The event is chained (id, previous hash, hash) at the end of
 * the transaction, just before COMMIT (./chain-write.ts): the chain's lock is then held only for
 * that write and the commit, not for whatever the transaction does after this call.
 */
export async function appendAudit(
  tx: Tx,
  who: Actor | AuditActorInfo | null,
  input: AuditInput,
): Promise<void> {
  const parsed = validated(input);
  const info = who && "kind" in who ? actorInfo(who) : (who ?? { actorId: null, actorEmail: null, ip: null });
  await chainAtCommit(tx, {
    actorId: info.actorId,
    actorEmail: info.actorEmail,
    action: parsed.action,
    objectType: parsed.objectType,
    objectId: parsed.objectId,
    siteId: parsed.siteId,
    before: parsed.before,
    after: parsed.after,
    reason: parsed.reason,
    ip: info.ip,
  });
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

import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A real start attempt the gate refused (dry runs are tools asking). Written out as literals, not
 * parameters, so that the planner can match a query using it to the partial index below.
 */
export const isGateRefusal = (t: { action: AnyPgColumn; after: AnyPgColumn }) =>
  sql`${t.action} = 'gate.decision' and ${t.after} @> '{"allowed": false, "dryRun": false}'::jsonb`;

/**
 * Append-only, hash-chained trail. `id` is assigned by the appender under a lock so that
 * id order is chain order; a trigger (see migrations) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: uuid(),
    actorEmail: text(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    siteId: uuid(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index("audit_site_idx").on(t.siteId, t.id),
    index("audit_object_idx").on(t.objectType, t.objectId, t.id),
    index("audit_actor_idx").on(t.actorId, t.id),
    index("audit_action_idx").on(t.action, t.id),
    index("audit_at_idx").on(t.at),
    // The compliance dashboard's gate refusals: a site's refusals in a period come from this
    // small index alone, instead of reading every gate decision of the site in the period to
    // look inside its payload.
    index("audit_gate_refusal_idx").on(t.siteId, t.at).where(isGateRefusal(t)),
  ],
);

/**
 * HMAC-signed seals of the chain head. The key lives outside the database (INTERLOCK_AUDIT_KEY or
 * the data folder), so someone who rewrites events and recomputes every hash cannot re-sign these.
 * Append-only like the trail (see migrations).
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp({ withTimezone: true }).notNull(),
  eventId: bigint({ mode: "number" }).notNull(),
  eventHash: text().notNull(),
  /** First 16 hex digits of SHA-256 of the key: says which key signed, without revealing it. */
  keyId: text().notNull(),
  mac: text().notNull(),
  /** "hourly", "on demand", "export" — why the head was sealed. */
  reason: text().notNull(),
  actorEmail: text(),
});

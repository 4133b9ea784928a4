import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  ],
);

import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { changes } from "./changes";

/**
 * The gate-check log: every dry run of the deployment gate (tools polling `GET …/gate`, people
 * opening the start dialog), outside the hash chain and without its lock. Append-only by trigger
 * (see migrations): an entry's facts never change; the one write allowed after the insert counts
 * another identical answer to the same caller within the entry's first minute (`count`, `last_at`).
 * Real start attempts stay in the chain as `gate.decision` events.
 */
export const gateChecks = pgTable(
  "gate_checks",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    changeId: uuid()
      .notNull()
      .references(() => changes.id),
    /** The change's first site, as its audit events are filed. */
    siteId: uuid().notNull(),
    actorId: uuid(),
    actorEmail: text().notNull(),
    /** "session", "token" or "cli". */
    via: text().notNull(),
    tokenId: uuid(),
    ip: text(),
    userAgent: text(),
    /** The instant asked about with `?at=`; null when the caller asked about the moment of asking. */
    askedFor: timestamp({ withTimezone: true }),
    allowed: boolean().notNull(),
    reasonCodes: text().array().notNull(),
    reasons: jsonb().$type<{ code: string; message: string }[]>().notNull(),
    changeState: text().notNull(),
    changeVersion: integer().notNull(),
    firstAt: timestamp({ withTimezone: true }).notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(1),
  },
  (t) => [
    index("gate_checks_caller_idx").on(t.changeId, t.actorEmail, t.id),
    index("gate_checks_site_idx").on(t.siteId, t.id),
    index("gate_checks_actor_idx").on(t.actorId, t.id),
    index("gate_checks_first_at_idx").on(t.firstAt),
  ],
);

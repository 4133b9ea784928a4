import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ExtensionState } from "@/lib/domain/constants";
import { users } from "./auth";
import { changes } from "./changes";

/**
 * A request to move a temporary change's expiry later once it is in place (issue 15). Its
 * sign-offs are rows of the one signoffs table naming it, bound to `contentHash`; approved, it
 * sets the change's extendedUntil. Never deleted.
 */
export const temporaryExtensions = pgTable(
  "temporary_extensions",
  {
    id: uuid().primaryKey().defaultRandom(),
    changeId: uuid()
      .notNull()
      .references(() => changes.id),
    /** The change's approval round whose sign-offs it asks again. */
    round: integer().notNull(),
    fromUntil: timestamp({ withTimezone: true }).notNull(),
    toUntil: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    state: text().$type<ExtensionState>().notNull().default("pending"),
    /** The sign-offs it needs, as "role" or "operations:siteId", fixed when it is requested. */
    required: text().array().notNull(),
    contentHash: text().notNull(),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestedByName: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("temporary_extensions_change_idx").on(t.changeId, t.requestedAt)],
);

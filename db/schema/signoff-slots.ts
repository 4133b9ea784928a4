import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { SignoffRole } from "@/lib/domain/constants";
import { changes } from "./changes";
import { sites } from "./sites-assets";

/**
 * The sign-offs a change is waiting for now, derived from the domain rule (lib/domain/changes/
 * slots.ts, which asks canSign) in the transaction that changed the change, its sign-offs or its
 * assets (lib/services/changes/internal/signoff-slots.ts), so the approvals inbox is one query.
 * A cache of the rule, never its source: it can always be recomputed from the change.
 */
export const signoffSlots = pgTable(
  "signoff_slots",
  {
    changeId: uuid()
      .notNull()
      .references(() => changes.id, { onDelete: "cascade" }),
    /** Order of the slot in the change's list (the sign-off roles' order, operations by site). */
    ordinal: integer().notNull(),
    role: text().$type<SignoffRole>().notNull(),
    /** The site an operations sign-off is for; null for the once-per-change roles. */
    siteId: uuid().references(() => sites.id),
    /** "grant:siteId" for each site where a holder of that grant may sign it, in the change's site order. */
    grantKeys: text().array().notNull(),
    /** Users who may not give it: requester, scope editors, implementer, signers of a conflicting role. */
    blockedIds: uuid().array().notNull(),
    /** An emergency change's sign-off after its start; due 72 h after approval (retrospectiveDueAt). */
    retrospective: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.changeId, t.ordinal] }),
    index("signoff_slots_keys_gin").using("gin", t.grantKeys),
  ],
);

/** The changes whose signoff_slots are current (the rest are filled on first read). */
export const signoffSlotSets = pgTable("signoff_slot_sets", {
  changeId: uuid()
    .primaryKey()
    .references(() => changes.id, { onDelete: "cascade" }),
  computedAt: timestamp({ withTimezone: true }).notNull(),
});

import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { SiteRole } from "@/lib/domain/constants";
import { users } from "./auth";
import { sites } from "./sites-assets";

/**
 * An approver's signing authority for one role at one site, lent to a named colleague for a
 * period (lib/domain/delegation). Never deleted: ended early by revoking it.
 */
export const signingDelegations = pgTable(
  "signing_delegations",
  {
    id: uuid().primaryKey().defaultRandom(),
    delegatorId: uuid()
      .notNull()
      .references(() => users.id),
    delegateId: uuid()
      .notNull()
      .references(() => users.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    role: text().$type<SiteRole>().notNull(),
    /** The first and last day as entered, in the site's zone (YYYY-MM-DD). */
    startDate: text().notNull(),
    endDate: text().notNull(),
    /** The same period as UTC instants: from the start day's midnight to the end day's, at the site. */
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => users.id),
  },
  (t) => [
    index("signing_delegations_delegate_idx").on(t.delegateId, t.endsAt),
    index("signing_delegations_site_idx").on(t.siteId, t.role, t.endsAt),
  ],
);

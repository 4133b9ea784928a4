import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  ChangeClass,
  ChangeState,
  ChangeType,
  Outcome,
  ProductionImpact,
  RiskLevel,
  SafetyImpact,
} from "@/lib/domain/constants";
import { users } from "./auth";
import { standardModelVersions } from "./catalog";
import { assets, sites } from "./sites-assets";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Per-year counter behind CHG-YYYY-NNNNN numbers; updated under a row lock. */
export const changeCounters = pgTable("change_counters", {
  year: integer().primaryKey(),
  last: integer().notNull(),
});

export const changes = pgTable(
  "changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull().unique(),
    version: integer().notNull().default(1),
    state: text().$type<ChangeState>().notNull().default("draft"),
    type: text().$type<ChangeType>().notNull(),
    class: text().$type<ChangeClass>().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    justification: text().notNull().default(""),
    references: jsonb().$type<string[]>().notNull().default([]),
    implementationPlan: text().notNull().default(""),
    backoutPlan: text().notNull().default(""),
    testedOnTestBench: boolean().notNull().default(false),
    vendorQualified: boolean().notNull().default(false),
    testNotes: text().notNull().default(""),
    expectedDowntimeMinutes: integer().notNull().default(0),
    productionImpact: text().$type<ProductionImpact>().notNull().default("none"),
    safetyImpact: text().$type<SafetyImpact>().notNull().default("none"),
    safetyBypassRequired: boolean().notNull().default(false),
    plannedStart: timestamp({ withTimezone: true }),
    plannedEnd: timestamp({ withTimezone: true }),
    implementerId: uuid().references(() => users.id),
    requesterId: uuid()
      .notNull()
      .references(() => users.id),
    /** Who edited the scope after submission: requesters of the change for separation of duties. */
    scopeEditorIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Computed by the risk matrix on every write; stored so lists can filter and sort on it. */
    risk: text().$type<RiskLevel>().notNull().default("low"),
    /** Sites of the affected assets, kept in step with change_assets for scoped list queries. */
    siteIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    approvalRound: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    actualStart: timestamp({ withTimezone: true }),
    actualEnd: timestamp({ withTimezone: true }),
    outcome: text().$type<Outcome>(),
    outcomeNotes: text(),
    pirSecurityVerified: boolean(),
    pirBaselineUpdated: boolean(),
    pirNotes: text(),
    closedAt: timestamp({ withTimezone: true }),
    followsChangeId: uuid(),
    /** A temporary change (a vendor's firewall rule, a proof-test bypass) must be reverted by this instant. */
    temporaryUntil: timestamp({ withTimezone: true }),
    /** Set when an extension of the expiry is approved after implementation: the expiry in force since. */
    extendedUntil: timestamp({ withTimezone: true }),
    /** The revert Interlock drafted when the temporary change it names was completed. */
    revertsChangeId: uuid(),
    /** A standard change names the approved catalog model version it follows (issue 15). */
    standardModelVersionId: uuid().references(() => standardModelVersions.id),
    /** A standard change from before the catalog: readable as it was, never bound to a model. */
    standardLegacy: boolean().notNull().default(false),
    /**
     * Words of the title and number for the change list's free-text filter. Stored, so that a
     * list walking the created_at index can test it cheaply row by row for common words.
     */
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', "title" || ' ' || "number")`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [
    index("changes_site_ids_gin").using("gin", t.siteIds),
    index("changes_state_created_idx").on(t.state, t.createdAt),
    index("changes_created_idx").on(t.createdAt, t.id),
    index("changes_planned_start_idx").on(t.plannedStart),
    // A site's calendar: its single-site changes by planned start (site_ids = '{site}' is an
    // equality on the whole array, so a btree serves it on both databases without btree_gin,
    // whose GIN answers each bound of a range as a scan of its own), and the few multi-site
    // changes by planned start, filtered by site.
    index("changes_site_start_idx").on(t.siteIds, t.plannedStart),
    index("changes_multisite_start_idx")
      .on(t.plannedStart)
      .where(sql`cardinality(${t.siteIds}) > 1`),
    index("changes_requester_idx").on(t.requesterId, t.createdAt),
    index("changes_risk_idx").on(t.risk, t.createdAt),
    index("changes_type_idx").on(t.type, t.createdAt),
    index("changes_updated_idx").on(t.updatedAt, t.id),
    index("changes_temporary_idx")
      .on(t.temporaryUntil)
      .where(sql`${t.temporaryUntil} is not null`),
    index("changes_reverts_idx")
      .on(t.revertsChangeId)
      .where(sql`${t.revertsChangeId} is not null`),
    index("changes_follows_idx")
      .on(t.followsChangeId)
      .where(sql`${t.followsChangeId} is not null`),
    // Free text in the change list: words and word prefixes of the title and number.
    index("changes_search_gin").using("gin", t.search),
    // Date-range filter: planned slots overlapping [from, to). Changes without a slot are left
    // out (a null bound would make an infinite range that overlaps everything).
    index("changes_slot_gist")
      .using("gist", sql`tstzrange(${t.plannedStart}, ${t.plannedEnd})`)
      .where(sql`${t.plannedStart} is not null and ${t.plannedEnd} is not null`),
  ],
);

export const changeAssets = pgTable(
  "change_assets",
  {
    changeId: uuid()
      .notNull()
      .references(() => changes.id),
    assetId: uuid()
      .notNull()
      .references(() => assets.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
  },
  (t) => [primaryKey({ columns: [t.changeId, t.assetId] }), index("change_assets_asset_idx").on(t.assetId)],
);

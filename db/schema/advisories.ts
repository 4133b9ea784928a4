import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { changes } from "./changes";
import { assets, sites } from "./sites-assets";

/**
 * One row per advisory (CSAF tracking id), holding its current revision. Facts are what
 * lib/domain/advisories reads from the document; the older revisions stay in advisory_revisions.
 */
export const advisories = pgTable(
  "advisories",
  {
    id: uuid().primaryKey().defaultRandom(),
    trackingId: text().notNull(),
    revision: text().notNull(),
    title: text().notNull(),
    publisher: text().notNull(),
    tlp: text(),
    initialReleaseDate: timestamp({ withTimezone: true }),
    currentReleaseDate: timestamp({ withTimezone: true }),
    cveIds: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    vendors: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    facts: jsonb().$type<unknown>().notNull(),
    /** First import: the CIP-007 R2 applicability clock runs from here. */
    importedAt: timestamp({ withTimezone: true }).notNull(),
    importedBy: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("advisories_tracking_uq").on(t.trackingId),
    index("advisories_cves_gin").using("gin", t.cveIds),
    index("advisories_imported_idx").on(t.importedAt),
  ],
);

/** Every revision ever imported, with what it changed against the one before. */
export const advisoryRevisions = pgTable(
  "advisory_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id),
    revision: text().notNull(),
    currentReleaseDate: timestamp({ withTimezone: true }),
    facts: jsonb().$type<unknown>().notNull(),
    document: jsonb().$type<unknown>().notNull(),
    /** `{newProducts, newCves, newRemediations}` against the previous revision; null for the first. */
    delta: jsonb().$type<unknown>(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
    importedBy: uuid().references(() => users.id),
  },
  (t) => [uniqueIndex("advisory_revisions_uq").on(t.advisoryId, t.revision)],
);

/** A person's decision on a match the rules could not settle (status `unknown`). */
export const advisoryMatchDecisions = pgTable(
  "advisory_match_decisions",
  {
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id),
    assetId: uuid()
      .notNull()
      .references(() => assets.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    status: text().$type<"affected" | "not_affected">().notNull(),
    reason: text().notNull(),
    decidedBy: uuid()
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.advisoryId, t.assetId] }),
    index("advisory_match_decisions_asset_idx").on(t.assetId),
  ],
);

/**
 * The CIP-007 R2 evaluation of one advisory at one site: the applicability decision and, once
 * applicable, the dated mitigation plan (when the fix is not installed by a closed change).
 */
export const advisorySiteReviews = pgTable(
  "advisory_site_reviews",
  {
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    applicable: boolean(),
    decisionReason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    planActions: text(),
    planTargetDate: timestamp({ withTimezone: true }),
    planApproverId: uuid().references(() => users.id),
    planRecordedBy: uuid().references(() => users.id),
    planRecordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.advisoryId, t.siteId] }),
    index("advisory_site_reviews_site_idx").on(t.siteId),
  ],
);

/** A signed extension of a mitigation plan's target date (a change manager's e-signature). */
export const advisoryPlanExtensions = pgTable(
  "advisory_plan_extensions",
  {
    id: uuid().primaryKey().defaultRandom(),
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    previousTargetDate: timestamp({ withTimezone: true }).notNull(),
    newTargetDate: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    signerId: uuid()
      .notNull()
      .references(() => users.id),
    signerName: text().notNull(),
    meaning: text().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("advisory_plan_extensions_idx").on(t.advisoryId, t.siteId)],
);

/** Changes drafted from an advisory, one per site; the link both ways. */
export const advisoryChanges = pgTable(
  "advisory_changes",
  {
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id),
    changeId: uuid()
      .notNull()
      .references(() => changes.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    /** `fix` (security patch / firmware update) or `mitigation` (configuration / firewall rule). */
    kind: text().$type<"fix" | "mitigation">().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.advisoryId, t.changeId] }),
    index("advisory_changes_change_idx").on(t.changeId),
  ],
);

/** The imported CISA KEV catalogs; the newest one's entries are in kev_entries. */
export const kevCatalogs = pgTable("kev_catalogs", {
  id: uuid().primaryKey().defaultRandom(),
  catalogVersion: text().notNull().unique(),
  dateReleased: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
  importedAt: timestamp({ withTimezone: true }).notNull(),
  importedBy: uuid().references(() => users.id),
});

export const kevEntries = pgTable("kev_entries", {
  cve: text().primaryKey(),
  vendorProject: text().notNull(),
  product: text().notNull(),
  vulnerabilityName: text().notNull(),
  /** Calendar dates as CISA gives them (YYYY-MM-DD): they name a day, not an instant. */
  dateAdded: text().notNull(),
  dueDate: text().notNull(),
  requiredAction: text().notNull(),
  knownRansomwareCampaignUse: text().notNull(),
  notes: text().notNull().default(""),
  catalogVersion: text().notNull(),
});

/** CIP-010 R1.6: what was installed by a patch or firmware change, checked against the vendor's value. */
export const changeIntegrityChecks = pgTable("change_integrity_checks", {
  changeId: uuid()
    .primaryKey()
    .references(() => changes.id),
  fileName: text().notNull(),
  method: text().$type<"sha256" | "signature">().notNull(),
  computedSha256: text(),
  publishedSha256: text(),
  signatureValid: boolean(),
  signatureDetail: text(),
  recordedBy: uuid()
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp({ withTimezone: true }).notNull(),
});

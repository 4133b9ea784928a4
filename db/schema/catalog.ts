import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import type { AssetKind, ChangeType, Criticality, ModelVersionState } from "@/lib/domain/constants";
import { users } from "./auth";
import { sites } from "./sites-assets";

/**
 * A standard change model of the catalog (issue 15): kinds of work a site's change board has
 * pre-approved. Its content lives in versions; only an approved version may be named by a change.
 */
export const standardModels = pgTable(
  "standard_models",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    /** SC-NNN, per site. */
    code: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    retiredAt: timestamp({ withTimezone: true }),
    retiredBy: uuid().references(() => users.id),
    retiredReason: text(),
  },
  (t) => [uniqueIndex("standard_models_site_code_uq").on(t.siteId, t.code)],
);

export const standardModelVersions = pgTable(
  "standard_model_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    modelId: uuid()
      .notNull()
      .references(() => standardModels.id),
    version: integer().notNull(),
    state: text().$type<ModelVersionState>().notNull().default("proposed"),
    title: text().notNull(),
    description: text().notNull(),
    changeTypes: text().array().$type<ChangeType[]>().notNull(),
    assetKinds: text().array().$type<AssetKind[]>().notNull(),
    criticalities: text().array().$type<Criticality[]>().notNull(),
    maxDowntimeMinutes: integer().notNull(),
    requiresTestBench: boolean().notNull().default(false),
    requiresVendorQualified: boolean().notNull().default(false),
    testEvidence: text().notNull().default(""),
    implementationPlanTemplate: text().notNull(),
    backoutPlanTemplate: text().notNull(),
    /** The hash of the content above that the board signs (lib/domain/catalog/model.ts). */
    contentHash: text().notNull(),
    proposedAt: timestamp({ withTimezone: true }).notNull(),
    proposedBy: uuid()
      .notNull()
      .references(() => users.id),
    /** When the board approved it; kept when a newer version supersedes it or the model retires. */
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("standard_model_versions_uq").on(t.modelId, t.version),
    index("standard_model_versions_state_idx").on(t.state),
  ],
);

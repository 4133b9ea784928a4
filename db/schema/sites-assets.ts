import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AssetKind, Criticality, Exposure } from "@/lib/domain/constants";

export const sites = pgTable("sites", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  timeZone: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const areas = pgTable(
  "areas",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    code: text().notNull(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("areas_site_code_uq").on(t.siteId, t.code)],
);

export const assets = pgTable(
  "assets",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    areaId: uuid().references(() => areas.id),
    tag: text().notNull(),
    name: text().notNull(),
    kind: text().$type<AssetKind>().notNull(),
    vendor: text().notNull().default(""),
    product: text().notNull().default(""),
    modelNumber: text().notNull().default(""),
    version: text().notNull().default(""),
    purdueLevel: real(),
    zone: text().notNull().default(""),
    criticality: text().$type<Criticality>().notNull(),
    safetyRelated: boolean().notNull().default(false),
    gxp: boolean().notNull().default(false),
    /** Reachability from outside the asset's zone; existing rows start on the plant network. */
    exposure: text().$type<Exposure>().notNull().default("plant_network"),
    redundancyGroup: text(),
    rowVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("assets_site_tag_uq").on(t.siteId, sql`lower(${t.tag})`),
    index("assets_site_kind_idx").on(t.siteId, t.kind),
    index("assets_site_area_idx").on(t.siteId, t.areaId),
    index("assets_redundancy_idx").on(t.siteId, t.redundancyGroup),
    index("assets_vendor_idx").on(sql`lower(${t.vendor})`),
  ],
);

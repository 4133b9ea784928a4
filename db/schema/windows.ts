import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RunCriticality, RunKind, WindowKind } from "@/lib/domain/constants";
import { users } from "./auth";
import { areas, sites } from "./sites-assets";

/**
 * A maintenance window or blackout, defined in the site's local time and expanded on read.
 * `localStart`/`untilLocal`/`exdatesLocal` are wall-clock strings ("2027-03-14T02:00") in the
 * site zone, because recurrence must follow local time across daylight-saving changes.
 */
export const windows = pgTable(
  "windows",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    kind: text().$type<WindowKind>().notNull(),
    title: text().notNull(),
    areaIds: uuid().array().notNull().default([]),
    localStart: text().notNull(),
    durationMinutes: integer().notNull(),
    rrule: text(),
    untilLocal: text(),
    exdatesLocal: jsonb().$type<string[]>().notNull().default([]),
    /** Bumped on every change so calendar clients pick up the new version (ICS SEQUENCE). */
    sequence: integer().notNull().default(0),
    /** Upper bound of the series in UTC (null = open-ended), so range queries can skip ended series. */
    seriesEndsAt: timestamp({ withTimezone: true }),
    firstStartAt: timestamp({ withTimezone: true }).notNull(),
    deletedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("windows_site_idx").on(t.siteId, t.firstStartAt)],
);

export const productionRuns = pgTable(
  "production_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    areaId: uuid()
      .notNull()
      .references(() => areas.id),
    title: text().notNull(),
    kind: text().$type<RunKind>().notNull(),
    criticality: text().$type<RunCriticality>().notNull(),
    start: timestamp({ withTimezone: true }).notNull(),
    end: timestamp({ withTimezone: true }).notNull(),
    sequence: integer().notNull().default(0),
    deletedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("production_runs_site_idx").on(t.siteId, t.start),
    index("production_runs_area_idx").on(t.areaId, t.start),
  ],
);

/** Secret calendar-feed URLs (calendar clients cannot send bearer tokens); only a hash is stored. */
export const calendarFeeds = pgTable("calendar_feeds", {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});

import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { changes } from "./changes";
import { signoffs } from "./signoffs";
import { sites } from "./sites-assets";

/** A change-board meeting at one site (issue 15 item 2); its minutes are written when it is closed. */
export const boardMeetings = pgTable(
  "board_meetings",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    chairId: uuid()
      .notNull()
      .references(() => users.id),
    /** Names as given by the chair: board members, and guests without an account. */
    attendees: text().array().notNull().default([]),
    notes: text().notNull().default(""),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("board_meetings_site_idx").on(t.siteId, t.startsAt)],
);

/** One agenda item's decision; approve and reject are the board's sign-off (signoffId). */
export const boardDecisions = pgTable(
  "board_decisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => boardMeetings.id),
    changeId: uuid()
      .notNull()
      .references(() => changes.id),
    decision: text().$type<"approve" | "reject" | "defer">().notNull(),
    reason: text().notNull().default(""),
    signoffId: uuid().references(() => signoffs.id),
    decidedAt: timestamp({ withTimezone: true }).notNull(),
    decidedBy: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("board_decisions_meeting_idx").on(t.meetingId)],
);

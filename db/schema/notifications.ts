import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { NotificationChannel, NotificationKind } from "@/lib/domain/notifications/kinds";
import type { WebhookEvent } from "@/lib/domain/notifications/webhook-events";
import { users } from "./auth";
import { sites } from "./sites-assets";

/** One in-app notification for one user; logged here, outside the audit chain. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().$type<NotificationKind>().notNull(),
    objectType: text().notNull(),
    objectId: text().notNull(),
    siteId: uuid().references(() => sites.id),
    title: text().notNull(),
    body: text().notNull().default(""),
    /** The deadline the notification is about (a slot, a due sign-off), if any. */
    dueAt: timestamp({ withTimezone: true }),
    /** The event or reminder behind it: re-running a job never notifies twice. */
    dedupeKey: text().notNull(),
    channel: text().$type<NotificationChannel>().notNull().default("in_app"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** When the daily digest carried it (channel "digest"). */
    digestedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("notifications_user_dedupe").on(t.userId, t.dedupeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_digest_idx").on(t.channel, t.digestedAt),
  ],
);

/** A user's channel per notification kind; a kind without a row uses its default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().$type<NotificationKind>().notNull(),
    channel: text().$type<NotificationChannel>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type MailState = "queued" | "outbox" | "sent" | "failed";

/** Every e-mail: sent through SMTP, or kept here as the outbox when no SMTP server is configured. */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** An iCalendar attachment (slot reminders). */
    ics: text(),
    state: text().$type<MailState>().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mail_messages_created_idx").on(t.createdAt, t.id)],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    url: text().notNull(),
    events: text().array().$type<WebhookEvent[]>().notNull(),
    /** The HMAC key; shown once to whoever sets it, never returned by the API. */
    secret: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id),
    secretRotatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("webhook_endpoints_site_idx").on(t.siteId)],
);

export type DeliveryState = "pending" | "delivered" | "dead";

/** One event to one endpoint: the delivery log (outside the audit chain). */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    /** The exact body signed and sent. */
    body: text().notNull(),
    state: text().$type<DeliveryState>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastStatus: integer(),
    lastError: text(),
    jobId: bigint({ mode: "number" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("webhook_deliveries_event").on(t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

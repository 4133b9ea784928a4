import type { NotificationChannel, NotificationKind } from "@/lib/domain/notifications/kinds";
import type { WebhookEvent } from "@/lib/domain/notifications/webhook-events";

/** A notification as the API and the bell return it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  objectType: string;
  objectId: string;
  title: string;
  body: string;
  href: string;
  createdAt: string;
  readAt: string | null;
  dueAt: string | null;
  timeZone: string;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

export interface PreferenceView {
  kind: NotificationKind;
  label: string;
  audience: string;
  channel: NotificationChannel;
  isDefault: boolean;
}

export interface MailView {
  id: string;
  to: string;
  subject: string;
  text: string;
  state: "queued" | "outbox" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  hasIcs: boolean;
  createdAt: string;
  sentAt: string | null;
}

export interface WebhookView {
  id: string;
  siteCode: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: string;
  secretRotatedAt: string | null;
}

export interface DeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  state: "pending" | "delivered" | "dead";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

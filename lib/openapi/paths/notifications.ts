import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { WEBHOOK_EVENTS } from "@/lib/domain/notifications/webhook-events";
import {
  createWebhookSchema,
  rotateWebhookSecretSchema,
  setPreferenceSchema,
} from "@/lib/schemas/notifications";
import { definePaths, instant, named, page, paginationQuery } from "../registry";

const kind = z.enum(NOTIFICATION_KINDS);
const notification = named(
  "Notification",
  z.object({
    id: z.uuid(),
    kind,
    objectType: z.enum(["change", "advisory"]),
    objectId: z.string(),
    title: z.string(),
    body: z.string(),
    href: z.string().describe("The object's page in the portal"),
    createdAt: instant,
    readAt: instant.nullable(),
    dueAt: instant.nullable().describe("The deadline it is about (a slot, a due sign-off), if any"),
    timeZone: z.string().describe("The site's zone, for showing dueAt"),
  }),
);
const preference = named(
  "NotificationPreference",
  z.object({
    kind,
    label: z.string(),
    audience: z.string(),
    channel: z.enum(NOTIFICATION_CHANNELS),
    isDefault: z.boolean(),
  }),
);
const preferences = z.object({ items: z.array(preference) });
const webhook = named(
  "Webhook",
  z.object({
    id: z.uuid(),
    siteCode: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    active: z.boolean(),
    createdAt: instant,
    secretRotatedAt: instant.nullable(),
  }),
);
const delivery = named(
  "WebhookDelivery",
  z.object({
    id: z.uuid(),
    endpointId: z.uuid(),
    eventId: z.uuid(),
    eventType: z.string(),
    state: z.enum(["pending", "delivered", "dead"]),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: instant,
    lastAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
  }),
);
const mail = named(
  "Mail",
  z.object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    state: z.enum(["queued", "outbox", "sent", "failed"]),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    hasIcs: z.boolean(),
    createdAt: instant,
    sentAt: instant.nullable(),
  }),
);
const idPath = z.object({ id: z.uuid() });
const queued = z.object({ deliveryId: z.uuid() });

export default definePaths(
  "notifications",
  {
    "/api/v1/notifications": {
      get: {
        summary: "The caller's notifications, newest first, with the unread count",
        query: paginationQuery.extend({
          unread: z.enum(["true", "false"]).optional().describe("true: unread only"),
          kind: kind.optional(),
        }),
        responses: {
          200: {
            description: "A page of notifications",
            schema: page(notification).extend({ unread: z.number().int() }),
          },
        },
        errors: [422],
      },
    },
    "/api/v1/notifications/{id}/read": {
      post: {
        summary: "Mark one of the caller's notifications read",
        path: idPath,
        responses: { 200: { description: "Read", schema: z.object({ id: z.uuid(), readAt: instant }) } },
        errors: [403, 404],
      },
    },
    "/api/v1/notifications/preferences": {
      get: {
        summary: "How the caller is told of each kind of notification",
        responses: { 200: { description: "One entry per kind", schema: preferences } },
      },
      put: {
        summary: "Choose the channel for one kind: in-app only, e-mail at once, or a daily digest",
        body: named("SetNotificationPreference", setPreferenceSchema),
        responses: { 200: { description: "The preferences after the change", schema: preferences } },
        errors: [400, 403, 413, 422],
      },
    },
    "/api/v1/webhooks": {
      get: {
        summary: "Webhook endpoints (administrators)",
        responses: { 200: { description: "Every endpoint, by site", schema: page(webhook) } },
        errors: [403],
      },
      post: {
        summary: "Register a webhook endpoint for a site (administrators)",
        description:
          'Events are POSTed as JSON `{id, type, occurredAt, data: {change}}` with `X-Interlock-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` under the secret; reject a `t` older than five minutes. Only http(s) URLs on the allow-list (INTERLOCK_WEBHOOK_ALLOW) are accepted; redirects are not followed.',
        body: named("CreateWebhook", createWebhookSchema),
        responses: { 201: { description: "Registered (the secret is never returned)", schema: webhook } },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/webhooks/{id}": {
      delete: {
        summary: "Switch an endpoint off (its delivery log stays)",
        path: idPath,
        responses: { 204: { description: "Switched off" } },
        errors: [403, 404],
      },
    },
    "/api/v1/webhooks/{id}/secret": {
      post: {
        summary: "Rotate the endpoint's signing secret",
        path: idPath,
        body: named("RotateWebhookSecret", rotateWebhookSecretSchema),
        responses: { 200: { description: "Rotated", schema: webhook } },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/webhooks/{id}/test": {
      post: {
        summary: "Queue a signed test event (type ping) to the endpoint",
        path: idPath,
        responses: { 202: { description: "Queued", schema: queued } },
        errors: [403, 404, 409],
      },
    },
    "/api/v1/webhooks/{id}/deliveries": {
      get: {
        summary: "The endpoint's delivery log, newest first",
        path: idPath,
        responses: { 200: { description: "Deliveries", schema: page(delivery) } },
        errors: [403, 404],
      },
    },
    "/api/v1/webhooks/deliveries/{id}/redeliver": {
      post: {
        summary: "Send a delivered or dead-lettered delivery again, with fresh attempts",
        path: idPath,
        responses: { 202: { description: "Queued", schema: queued } },
        errors: [403, 404, 409],
      },
    },
    "/api/v1/mail": {
      get: {
        summary: "The mail log and outbox (administrators)",
        description: "Without INTERLOCK_SMTP_URL, mail is kept here in state `outbox`.",
        query: paginationQuery,
        responses: { 200: { description: "A page of mail, newest first", schema: page(mail) } },
        errors: [403, 422],
      },
    },
  },
  "In-app notifications, preferences, e-mail and signed webhooks for deployment tooling.",
);

import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { WEBHOOK_EVENTS } from "@/lib/domain/notifications/webhook-events";
import { changed, event, instant } from "./define";

const preference = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z.enum(NOTIFICATION_CHANNELS),
});
const events = z.array(z.enum(WEBHOOK_EVENTS));

/** Notification preferences and webhook endpoints (never a webhook's secret: the trail is exported). */
export const NOTIFICATION_EVENTS = {
  "notification.preference": event("user", { before: preference, after: preference }),
  "webhook.create": event("webhook", {
    after: z.strictObject({ url: z.string(), events, siteCode: z.string() }),
  }),
  "webhook.update": event("webhook", {
    before: changed({ url: z.string(), events, active: z.boolean() }),
    after: changed({ url: z.string(), events, active: z.boolean() }),
  }),
  "webhook.rotate_secret": event("webhook", {
    before: z.strictObject({ secretRotatedAt: instant.nullable() }),
    after: z.strictObject({ secretRotatedAt: instant, url: z.string() }),
  }),
  "webhook.delete": event("webhook", {
    before: z.strictObject({ active: z.literal(true), url: z.string(), events }),
    after: z.strictObject({ active: z.literal(false) }),
  }),
};

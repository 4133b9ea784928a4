import "./zod-setup";
import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";
import { WEBHOOK_EVENTS } from "@/lib/domain/notifications/webhook-events";
import { code, paginationSchema } from "./common";

export const notificationListSchema = paginationSchema.extend({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  kind: z.enum(NOTIFICATION_KINDS, { message: "Unknown notification kind." }).optional(),
});
export type NotificationListInput = z.input<typeof notificationListSchema>;

export const setPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS, { message: "Unknown notification kind." }),
  channel: z.enum(NOTIFICATION_CHANNELS, { message: "Choose in-app, e-mail or daily digest." }),
});
export type SetPreferenceInput = z.input<typeof setPreferenceSchema>;

const secret = z
  .string()
  .min(24, "The secret must be at least 24 characters.")
  .max(200, "The secret must be at most 200 characters.");

export const createWebhookSchema = z.object({
  siteCode: code("Site"),
  url: z.string().trim().min(1, "The URL is required.").max(2000, "The URL is too long."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { message: "Unknown event." }))
    .min(1, "Choose at least one event.")
    .transform((e) => [...new Set(e)]),
  secret,
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const rotateWebhookSecretSchema = z.object({ secret });
export type RotateWebhookSecretInput = z.input<typeof rotateWebhookSecretSchema>;

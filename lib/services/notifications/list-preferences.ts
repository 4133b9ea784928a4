import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_INFO, channelFor } from "@/lib/domain/notifications/kinds";
import type { PreferenceView } from "@/lib/types/notifications";

/** Every kind with the caller's channel for it (their choice, else the default). */
export async function listNotificationPreferences(actor: Actor): Promise<PreferenceView[]> {
  const rows = actor.userId
    ? await (
        await getDb()
      )
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, actor.userId))
    : [];
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_INFO[kind].label,
    audience: NOTIFICATION_KIND_INFO[kind].audience,
    channel: channelFor(kind, chosen.get(kind)),
    isDefault: !chosen.has(kind),
  }));
}

import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { channelFor } from "@/lib/domain/notifications/kinds";
import { setPreferenceSchema, type SetPreferenceInput } from "@/lib/schemas/notifications";
import { forbidden } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { requireScope } from "@/lib/services/authorize";

/** How the caller is told of one kind of notification; a subscription change, so it is audited. */
export async function setNotificationPreference(actor: Actor, input: SetPreferenceInput) {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in user has notification preferences.");
  requireScope(actor, "write");
  const data = parseInput(setPreferenceSchema, input, "The preference");
  const userId = actor.userId;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select({ channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, data.kind)))
      .for("update");
    const before = channelFor(data.kind, old?.channel);
    if (before === data.channel && old) return data;
    await tx
      .insert(notificationPreferences)
      .values({ userId, kind: data.kind, channel: data.channel })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { channel: data.channel, updatedAt: new Date() },
      });
    await appendAudit(tx, actor, {
      action: "notification.preference",
      objectType: "user",
      objectId: userId,
      before: { kind: data.kind, channel: before },
      after: { kind: data.kind, channel: data.channel },
    });
    return data;
  });
}

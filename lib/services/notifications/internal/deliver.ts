import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { mailMessages, notificationPreferences, notifications, users } from "@/db/schema";
import { enqueue } from "@/lib/jobs/queue";
import { composeMail } from "@/lib/domain/notifications/mail";
import { NOTIFICATION_KIND_INFO, channelFor, type NotificationKind } from "@/lib/domain/notifications/kinds";

export const MAIL_JOB = "mail.send";

export interface NotificationDraft {
  kind: NotificationKind;
  objectType: "change" | "advisory";
  objectId: string;
  siteId: string | null;
  timeZone: string;
  title: string;
  body: string;
  dueAt?: Date | null;
  dueLabel?: string;
  /** Unique per user: the event or the reminder (with its due day) behind the notification. */
  dedupeKey: string;
  /** An iCalendar attachment for the e-mail (slot reminders). */
  ics?: string | null;
}

/** The portal's public address, for links in e-mail. */
export function portalUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function objectPath(objectType: string, objectId: string): string {
  return objectType === "advisory" ? `/advisories/${objectId}` : `/changes/${objectId}`;
}

/**
 * Records the notification for each user (once per dedupe key, so a re-run job adds nothing)
 * and, for those who chose e-mail for this kind, queues the mail in the same transaction.
 * Digest users are mailed by the daily digest; in-app users only see the bell.
 */
export async function notifyUsers(
  tx: Tx,
  userIds: readonly string[],
  n: NotificationDraft,
  now: Date,
): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const prefs = await tx
    .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.kind, n.kind)));
  const chosen = new Map(prefs.map((p) => [p.userId, p.channel]));
  const inserted = await tx
    .insert(notifications)
    .values(
      ids.map((userId) => ({
        userId,
        kind: n.kind,
        objectType: n.objectType,
        objectId: n.objectId,
        siteId: n.siteId,
        title: n.title,
        body: n.body,
        dueAt: n.dueAt ?? null,
        dedupeKey: n.dedupeKey,
        channel: channelFor(n.kind, chosen.get(userId)),
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, channel: notifications.channel });
  const mailTo = inserted.filter((r) => r.channel === "email");
  if (mailTo.length) {
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        inArray(
          users.id,
          mailTo.map((m) => m.userId),
        ),
      );
    const content = composeMail({
      title: n.title,
      body: n.body,
      why: NOTIFICATION_KIND_INFO[n.kind].audience,
      dueAt: n.dueAt ?? null,
      dueLabel: n.dueLabel,
      timeZone: n.timeZone,
      link: `${portalUrl()}${objectPath(n.objectType, n.objectId)}`,
    });
    const mails = await tx
      .insert(mailMessages)
      .values(
        people.map((p) => ({ userId: p.id, to: p.email, ...content, ics: n.ics ?? null, createdAt: now })),
      )
      .returning({ id: mailMessages.id });
    await enqueue(
      tx,
      mails.map((m) => ({
        kind: MAIL_JOB,
        payload: { mailId: m.id },
        idempotencyKey: `mail:${m.id}`,
        runAt: now,
      })),
    );
  }
  return inserted.length;
}

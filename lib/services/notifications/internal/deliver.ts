import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { mailMessages, notificationPreferences, notifications, users } from "@/db/schema";
import { enqueue } from "@/lib/jobs/queue";
import { composeMail } from "@/lib/domain/notifications/mail";
import { NOTIFICATION_KIND_INFO, channelFor, type NotificationKind } from "@/lib/domain/notifications/kinds";

export const MAIL_JOB = "mail.send";

export interface NotificationDraft {
  kind: NotificationKind;
  objectType: "change" | "advisory" | "delegation";
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
  if (objectType === "delegation") return "/approvals/delegations";
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
  return notifyMany(tx, [{ userIds, draft: n }], now);
}

const CHUNK = 500;

async function inChunks<T, R>(list: readonly T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(...(await run(list.slice(i, i + CHUNK))));
  return out;
}

/** notifyUsers for many drafts at once: a handful of statements whatever their number. */
export async function notifyMany(
  tx: Tx,
  items: readonly { userIds: readonly string[]; draft: NotificationDraft }[],
  now: Date,
): Promise<number> {
  const planned = items.flatMap(({ userIds, draft }) =>
    [...new Set(userIds)].map((userId) => ({ userId, draft })),
  );
  if (planned.length === 0) return 0;
  const everyone = [...new Set(planned.map((p) => p.userId))];
  const kinds = [...new Set(planned.map((p) => p.draft.kind))];
  const prefs = await tx
    .select({
      userId: notificationPreferences.userId,
      kind: notificationPreferences.kind,
      channel: notificationPreferences.channel,
    })
    .from(notificationPreferences)
    .where(
      and(inArray(notificationPreferences.userId, everyone), inArray(notificationPreferences.kind, kinds)),
    );
  const chosen = new Map(prefs.map((p) => [`${p.userId} ${p.kind}`, p.channel]));
  const drafts = new Map(planned.map((p) => [`${p.userId} ${p.draft.dedupeKey}`, p.draft]));
  const inserted = await inChunks(planned, (part) =>
    tx
      .insert(notifications)
      .values(
        part.map(({ userId, draft: n }) => ({
          userId,
          kind: n.kind,
          objectType: n.objectType,
          objectId: n.objectId,
          siteId: n.siteId,
          title: n.title,
          body: n.body,
          dueAt: n.dueAt ?? null,
          dedupeKey: n.dedupeKey,
          channel: channelFor(n.kind, chosen.get(`${userId} ${n.kind}`)),
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({
        userId: notifications.userId,
        channel: notifications.channel,
        dedupeKey: notifications.dedupeKey,
      }),
  );
  const mailTo = inserted.filter((r) => r.channel === "email");
  if (mailTo.length) {
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, [...new Set(mailTo.map((m) => m.userId))]));
    const emailOf = new Map(people.map((p) => [p.id, p.email]));
    // One composition per draft, however many receive it.
    const content = new Map<NotificationDraft, ReturnType<typeof composeMail>>();
    const rows = mailTo.flatMap((m) => {
      const n = drafts.get(`${m.userId} ${m.dedupeKey}`);
      const to = emailOf.get(m.userId);
      if (!n || !to) return [];
      let c = content.get(n);
      if (!c) {
        c = composeMail({
          title: n.title,
          body: n.body,
          why: NOTIFICATION_KIND_INFO[n.kind].audience,
          dueAt: n.dueAt ?? null,
          dueLabel: n.dueLabel,
          timeZone: n.timeZone,
          link: `${portalUrl()}${objectPath(n.objectType, n.objectId)}`,
        });
        content.set(n, c);
      }
      return [{ userId: m.userId, to, ...c, ics: n.ics ?? null, createdAt: now }];
    });
    const mails = await inChunks(rows, (part) =>
      tx.insert(mailMessages).values(part).returning({ id: mailMessages.id }),
    );
    await inChunks(mails, async (part) => [
      await enqueue(
        tx,
        part.map((m) => ({
          kind: MAIL_JOB,
          payload: { mailId: m.id },
          idempotencyKey: `mail:${m.id}`,
          runAt: now,
        })),
      ),
    ]);
  }
  return inserted.length;
}

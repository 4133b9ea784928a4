import "server-only";
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { mailMessages, notifications, sites, users } from "@/db/schema";
import { composeDigest } from "@/lib/domain/notifications/mail";
import { enqueue } from "@/lib/jobs/queue";
import type { DueFinder } from "@/lib/jobs/scheduler";
import type { JobHandler } from "@/lib/jobs/worker";
import { MAIL_JOB, objectPath, portalUrl } from "./internal/deliver";

export const DIGEST_JOB = "notify.digest";
/** The digest goes out once a day from this UTC hour on. */
const DIGEST_HOUR_UTC = 6;

/** One digest job per user with undigested notifications, once per (UTC) day. */
export const digestFinder: DueFinder = async (tx, now) => {
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return [];
  const rows = await tx
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        eq(notifications.channel, "digest"),
        isNull(notifications.digestedAt),
        lte(notifications.createdAt, now),
      ),
    );
  const day = now.toISOString().slice(0, 10);
  return rows.map((r) => ({
    kind: DIGEST_JOB,
    payload: { userId: r.userId, until: now.toISOString() },
    idempotencyKey: `digest:${r.userId}:${day}`,
    runAt: now,
  }));
};

/** Collects the user's undigested notifications into one mail and marks them digested. */
export const sendDigest: JobHandler = async (job, { db, now }) => {
  const userId = String(job.payload.userId);
  const until = new Date(String(job.payload.until));
  await db.transaction(async (tx) => {
    const items = await tx
      .select({
        id: notifications.id,
        title: notifications.title,
        createdAt: notifications.createdAt,
        objectType: notifications.objectType,
        objectId: notifications.objectId,
        zone: sites.timeZone,
      })
      .from(notifications)
      .leftJoin(sites, eq(sites.id, notifications.siteId))
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.channel, "digest"),
          isNull(notifications.digestedAt),
          lte(notifications.createdAt, until),
        ),
      )
      .orderBy(asc(notifications.createdAt))
      .for("update", { of: notifications });
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (items.length === 0 || !user) return;
    const zone = items[0]!.zone ?? "UTC";
    const content = composeDigest(
      items.map((i) => ({
        title: i.title,
        createdAt: i.createdAt,
        link: `${portalUrl()}${objectPath(i.objectType, i.objectId)}`,
      })),
      zone,
    );
    const [mail] = await tx
      .insert(mailMessages)
      .values({ userId, to: user.email, ...content, createdAt: now })
      .returning({ id: mailMessages.id });
    await enqueue(tx, {
      kind: MAIL_JOB,
      payload: { mailId: mail!.id },
      idempotencyKey: `mail:${mail!.id}`,
      runAt: now,
    });
    await tx
      .update(notifications)
      .set({ digestedAt: now })
      .where(
        inArray(
          notifications.id,
          items.map((i) => i.id),
        ),
      );
  });
};

import "server-only";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notificationListSchema, type NotificationListInput } from "@/lib/schemas/notifications";
import { parseInput } from "@/lib/services/base/parse-input";
import type { NotificationPage } from "@/lib/types/notifications";
import { unreadCount } from "./count-unread";
import { objectPath } from "./internal/deliver";
import { after, cursorOf } from "./internal/newest-first";

/** The caller's own notifications, newest first, with the unread count for the bell. */
export async function listNotifications(
  actor: Actor,
  input: NotificationListInput = {},
): Promise<NotificationPage> {
  const q = parseInput(notificationListSchema, input, "The query");
  if (!actor.userId) return { items: [], nextCursor: null, unread: 0 };
  const db = await getDb();
  const mine = eq(notifications.userId, actor.userId);
  const where: (SQL | undefined)[] = [mine];
  if (q.unread) where.push(isNull(notifications.readAt));
  if (q.kind) where.push(eq(notifications.kind, q.kind));
  where.push(after(q.cursor, notifications.createdAt, notifications.id));
  const rows = await db
    .select({ n: notifications, zone: sites.timeZone })
    .from(notifications)
    .leftJoin(sites, eq(sites.id, notifications.siteId))
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit + 1);
  const unread = await unreadCount(actor);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ n, zone }) => ({
      id: n.id,
      kind: n.kind,
      objectType: n.objectType,
      objectId: n.objectId,
      title: n.title,
      body: n.body,
      href: objectPath(n.objectType, n.objectId),
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
      dueAt: n.dueAt?.toISOString() ?? null,
      timeZone: zone ?? "UTC",
    })),
    nextCursor: cursorOf(last?.n, rows.length > q.limit),
    unread,
  };
}

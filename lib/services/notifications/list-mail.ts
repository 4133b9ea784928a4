import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mailMessages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { paginationSchema } from "@/lib/schemas/common";
import { requireAdmin } from "@/lib/services/authorize";
import { parseInput } from "@/lib/services/base/parse-input";
import type { MailView } from "@/lib/types/notifications";
import { after, cursorOf } from "./internal/newest-first";

/** The mail log and outbox, newest first (administrators): what was sent, what waits, what failed. */
export async function listMail(
  actor: Actor,
  input: { limit?: number | string; cursor?: string } = {},
): Promise<{ items: MailView[]; nextCursor: string | null }> {
  requireAdmin(actor, "mail.view");
  const q = parseInput(paginationSchema, input, "The query");
  const db = await getDb();
  const rows = await db
    .select()
    .from(mailMessages)
    .where(after(q.cursor, mailMessages.createdAt, mailMessages.id))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      state: m.state,
      attempts: m.attempts,
      lastError: m.lastError,
      hasIcs: m.ics !== null,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    nextCursor: cursorOf(last, rows.length > q.limit),
  };
}

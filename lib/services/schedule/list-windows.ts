import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { windows } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { siteFor } from "./site-context";
import { windowView } from "./window-model";
import type { WindowView } from "@/lib/types/schedule";

/** The site's live window definitions with a readable summary each, blackouts first, then by start. */
export async function listWindows(actor: Actor, siteCode: string): Promise<WindowView[]> {
  const db = await getDb();
  const site = await siteFor(db, actor, siteCode, "window.view");
  const rows = await db
    .select()
    .from(windows)
    .where(and(eq(windows.siteId, site.id), isNull(windows.deletedAt)))
    .orderBy(asc(windows.kind), asc(windows.firstStartAt), asc(windows.id));
  return rows.map((r) => windowView(r, site));
}

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { windows } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { uuid } from "@/lib/schemas/common";
import { requireSitePermission } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import { loadSite } from "./site-context";
import { windowView } from "./window-model";
import type { WindowView } from "@/lib/types/schedule";

export async function getWindow(actor: Actor, id: string): Promise<WindowView> {
  if (!uuid.safeParse(id).success) throw notFound("Window");
  const db = await getDb();
  const [row] = await db
    .select()
    .from(windows)
    .where(and(eq(windows.id, id), isNull(windows.deletedAt)));
  if (!row) throw notFound("Window");
  requireSitePermission(actor, "window.view", row.siteId, "Window");
  const site = await loadSite(db, { id: row.siteId });
  if (!site) throw notFound("Window");
  return windowView(row, site);
}

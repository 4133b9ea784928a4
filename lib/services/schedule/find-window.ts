import "server-only";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { SitePermission } from "@/lib/auth/permissions";
import { uuid } from "@/lib/schemas/common";
import { requireSitePermission } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import { loadSite, type SiteContext } from "./site-context";
import { lockWindow, type WindowRow } from "./window-model";

/** The live window under a row lock, with its site; 404 for unknown ids and sites the actor cannot see. */
export async function lockedWindowFor(
  tx: Tx,
  actor: Actor,
  id: string,
  permission: SitePermission,
): Promise<{ row: WindowRow; site: SiteContext }> {
  if (!uuid.safeParse(id).success) throw notFound("Window");
  const row = await lockWindow(tx, id);
  if (!row) throw notFound("Window");
  requireSitePermission(actor, permission, row.siteId, "Window");
  const site = await loadSite(tx, { id: row.siteId });
  if (!site) throw notFound("Window");
  return { row, site };
}

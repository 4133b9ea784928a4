import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { advisorySiteReviews, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SitePermission } from "@/lib/auth/permissions";
import { requireSitePermission } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";

/** The site by code (404 when the actor cannot see it), permission checked, its review row locked. */
export async function lockSiteReview(
  tx: Tx,
  actor: Actor,
  advisoryId: string,
  siteCode: string,
  permission: SitePermission,
) {
  const [site] = await tx.select().from(sites).where(eq(sites.code, siteCode.toUpperCase()));
  if (!site) throw notFound("Site");
  requireSitePermission(actor, permission, site.id, "Site");
  await tx.execute(sql`select pg_advisory_xact_lock(8142012, hashtext(${`${advisoryId}:${site.id}`}))`);
  const [review] = await tx
    .select()
    .from(advisorySiteReviews)
    .where(and(eq(advisorySiteReviews.advisoryId, advisoryId), eq(advisorySiteReviews.siteId, site.id)))
    .for("update");
  return { site, review: review ?? null };
}

export async function saveSiteReview(
  tx: Tx,
  advisoryId: string,
  siteId: string,
  values: Partial<typeof advisorySiteReviews.$inferInsert>,
) {
  await tx
    .insert(advisorySiteReviews)
    .values({ advisoryId, siteId, ...values })
    .onConflictDoUpdate({
      target: [advisorySiteReviews.advisoryId, advisorySiteReviews.siteId],
      set: values,
    });
}

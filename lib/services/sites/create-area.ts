import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { areas, sites } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { createAreaSchema, type CreateAreaInput } from "@/lib/schemas/sites";
import { requireAdmin } from "@/lib/services/authorize";
import { conflict, notFound } from "@/lib/services/base/errors";
import { SITE_CODE_PATTERN } from "./view";

export async function createArea(actor: Actor, siteCode: string, input: CreateAreaInput) {
  requireAdmin(actor, "site.manage");
  const data = createAreaSchema.parse(input);
  if (!SITE_CODE_PATTERN.test(siteCode)) throw notFound("Site");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [site] = await tx
      .select()
      .from(sites)
      .where(eq(sites.code, siteCode.toUpperCase().slice(0, 64)))
      .for("update");
    if (!site) throw notFound("Site");
    const [dupe] = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.siteId, site.id), eq(areas.code, data.code)));
    if (dupe) throw conflict(`Site ${site.code} already has an area ${data.code}.`);
    const [area] = await tx
      .insert(areas)
      .values({ siteId: site.id, ...data, createdAt: currentTime() })
      .returning();
    await appendAudit(tx, actor, {
      action: "area.create",
      objectType: "area",
      objectId: area!.id,
      siteId: site.id,
      after: { siteCode: site.code, ...data },
    });
    return area!;
  });
}

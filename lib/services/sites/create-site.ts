import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { createSiteSchema, type CreateSiteInput } from "@/lib/schemas/sites";
import { requireAdmin } from "@/lib/services/authorize";
import { conflict } from "@/lib/services/base/errors";

export async function createSite(actor: Actor, input: CreateSiteInput) {
  requireAdmin(actor, "site.manage");
  const data = createSiteSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.code, data.code))
      .for("update");
    if (existing) throw conflict(`A site with code ${data.code} already exists.`);
    const [site] = await tx
      .insert(sites)
      .values({ ...data, createdAt: currentTime() })
      .returning();
    await appendAudit(tx, actor, {
      action: "site.create",
      objectType: "site",
      objectId: site!.id,
      siteId: site!.id,
      after: data,
    });
    return site!;
  });
}

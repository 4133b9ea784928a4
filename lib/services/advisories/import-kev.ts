import "server-only";
import { currentTime } from "@/lib/clock";
import { desc, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { kevCatalogs, kevEntries } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { kevCatalogSchema } from "@/lib/schemas/advisories";
import { parseInput } from "@/lib/services/base/parse-input";
import { conflict, invalid } from "@/lib/services/base/errors";
import { requireIntake } from "./access";

export interface KevImportResult {
  catalogVersion: string;
  count: number;
  /** False when this very catalog version was already imported (nothing changed). */
  changed: boolean;
  added: number;
  removed: number;
}

const KEV_LOCK = 8142010;
const CHUNK = 500;

/**
 * Replaces the known-exploited marks with a newer CISA KEV catalog, all or nothing. The same
 * version again changes nothing; an older one than the latest imported is refused, so a stale
 * file cannot take marks away.
 */
export async function importKevCatalog(actor: Actor, input: unknown): Promise<KevImportResult> {
  requireIntake(actor);
  if (!input || typeof input !== "object" || !("vulnerabilities" in input) || !("catalogVersion" in input))
    throw invalid("This is not CISA's KEV catalog: it has no catalogVersion and vulnerabilities list.", [
      { path: "(body)", message: "expected {catalogVersion, dateReleased, count, vulnerabilities}" },
    ]);
  const catalog = parseInput(kevCatalogSchema, input, "The KEV catalog");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${KEV_LOCK})`);
    const [latest] = await tx.select().from(kevCatalogs).orderBy(desc(kevCatalogs.dateReleased)).limit(1);
    const released = new Date(catalog.dateReleased);
    const base = { catalogVersion: catalog.catalogVersion, count: catalog.count };
    if (latest?.catalogVersion === catalog.catalogVersion)
      return { ...base, changed: false, added: 0, removed: 0 };
    if (latest && latest.dateReleased.getTime() > released.getTime())
      throw conflict(
        `A newer KEV catalog (version ${latest.catalogVersion}) is already imported; this file is version ${catalog.catalogVersion}.`,
      );
    const before = new Set((await tx.select({ cve: kevEntries.cve }).from(kevEntries)).map((r) => r.cve));
    const byCve = new Map(catalog.vulnerabilities.map((v) => [v.cveID, v]));
    await tx.delete(kevEntries).where(sql`true`);
    const rows = [...byCve.values()].map((v) => ({
      cve: v.cveID,
      vendorProject: v.vendorProject,
      product: v.product,
      vulnerabilityName: v.vulnerabilityName,
      dateAdded: v.dateAdded,
      dueDate: v.dueDate,
      requiredAction: v.requiredAction,
      knownRansomwareCampaignUse: v.knownRansomwareCampaignUse,
      notes: v.notes,
      catalogVersion: catalog.catalogVersion,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(kevEntries).values(rows.slice(i, i + CHUNK));
    const now = currentTime();
    const [row] = await tx
      .insert(kevCatalogs)
      .values({
        catalogVersion: catalog.catalogVersion,
        dateReleased: released,
        count: catalog.count,
        importedAt: now,
        importedBy: actor.userId,
      })
      .returning();
    const added = rows.filter((r) => !before.has(r.cve)).length;
    const removed = [...before].filter((c) => !byCve.has(c)).length;
    await appendAudit(tx, actor, {
      action: "kev.import",
      objectType: "kev_catalog",
      objectId: row!.id,
      before: latest ? { catalogVersion: latest.catalogVersion, count: latest.count } : null,
      after: { catalogVersion: catalog.catalogVersion, count: catalog.count, added, removed },
    });
    return { ...base, changed: true, added, removed };
  });
}

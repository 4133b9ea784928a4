import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { compliancePeriodSchema, type CompliancePeriodInput } from "@/lib/schemas/compliance";
import { parseInput } from "@/lib/services/base/parse-input";
import { requireSitePermission } from "@/lib/services/authorize";
import { requireAuditScope } from "@/lib/services/audit/conditions";
import { notFound } from "@/lib/services/base/errors";

export interface SiteRef {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

export interface ComplianceScope {
  from: Date;
  to: Date;
  /** The chosen site, or null for every site in the reader's scope. */
  site: SiteRef | null;
  /** The sites the figures cover (one, or all in scope), by code. */
  sites: SiteRef[];
  /** Every site id the reader may read the trail of: a change counts only when all its sites are in it. */
  scopeIds: string[];
  /** Every site, for turning the trail's site ids into codes. */
  siteCodes: Map<string, string>;
}

/**
 * The period and sites of a compliance question. Reading it takes the trail's read permission
 * (auditor or change manager): an unknown site, or one the reader cannot see, is not found; a
 * site they see without that role is forbidden.
 */
export async function resolveComplianceScope(
  db: Executor,
  actor: Actor,
  input: CompliancePeriodInput,
  permission: "audit.view" | "audit.export" = "audit.view",
): Promise<ComplianceScope> {
  const period = parseInput(compliancePeriodSchema, input, "The period");
  const scopeIds = requireAuditScope(actor, permission);
  const all = await db.select().from(sites).orderBy(sites.code);
  const siteCodes = new Map(all.map((s) => [s.id, s.code]));
  const refs = all.map(({ id, code, name, timeZone }) => ({ id, code, name, timeZone }));
  let site: SiteRef | null = null;
  if (period.siteCode) {
    const [row] = await db.select().from(sites).where(eq(sites.code, period.siteCode)).limit(1);
    if (!row) throw notFound("Site");
    requireSitePermission(actor, permission, row.id, "Site");
    site = refs.find((s) => s.id === row.id)!;
  }
  return {
    from: period.from,
    to: period.to,
    site,
    sites: site ? [site] : refs.filter((s) => scopeIds.includes(s.id)),
    scopeIds,
    siteCodes,
  };
}

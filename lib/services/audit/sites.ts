import "server-only";
import { asc, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/services/authorize";

export interface AuditSite {
  code: string;
  name: string;
  timeZone: string;
  canExport: boolean;
}

/** The sites whose trail the actor may read, for the filter bar; empty when they may read none. */
export async function auditSites(actor: Actor): Promise<AuditSite[]> {
  const scope = scopeFor(actor, "audit.view");
  if (scope.length === 0) return [];
  const db = await getDb();
  const rows = await db.select().from(sites).where(inArray(sites.id, scope)).orderBy(asc(sites.code));
  return rows.map((s) => ({
    code: s.code,
    name: s.name,
    timeZone: s.timeZone,
    canExport: hasSitePermission(actor, "audit.export", s.id),
  }));
}

import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { advisorySites } from "./access";

/** Change managers who may approve a mitigation plan, per site id (only sites the actor assesses). */
export async function planApprovers(actor: Actor, siteIds: string[]) {
  const mine = new Set(advisorySites(actor, "advisory.assess"));
  const ids = siteIds.filter((s) => mine.has(s));
  if (!ids.length) return new Map<string, { email: string; name: string }[]>();
  const db = await getDb();
  const rows = await db
    .select({ siteId: roleGrants.siteId, email: users.email, name: users.name })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(inArray(roleGrants.siteId, ids), eq(roleGrants.role, "change_manager"), isNull(users.disabledAt)),
    )
    .orderBy(asc(users.name));
  const out = new Map<string, { email: string; name: string }[]>();
  for (const r of rows) out.set(r.siteId, [...(out.get(r.siteId) ?? []), { email: r.email, name: r.name }]);
  return out;
}

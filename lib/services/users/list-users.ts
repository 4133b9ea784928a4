import "server-only";
import { currentTime } from "@/lib/clock";
import {
  and,
  asc,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SiteRole } from "@/lib/domain/constants";
import { decodeCursor, encodeCursor, type Page, invalidCursor } from "@/lib/services/base/page";
import { uuid } from "@/lib/schemas/common";
import { userListQuerySchema, type UserListQuery, type UserStatus } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { containsPattern } from "@/lib/services/base/match";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  status: UserStatus;
  lockedUntil: Date | null;
  createdAt: Date;
  roles: { siteCode: string; role: SiteRole }[];
}

export function userStatus(
  u: { disabledAt: Date | null; lockedUntil: Date | null },
  now = currentTime(),
): UserStatus {
  if (u.disabledAt) return "disabled";
  if (u.lockedUntil && u.lockedUntil > now) return "locked";
  return "active";
}

const SORT = { email: users.email, name: users.name, created: users.createdAt } as const;
const SORT_SQL = { email: sql`c.email`, name: sql`c.name`, created: sql`c.created_at` } as const;

/** Every account, for administrators: filtered, sorted and paged in the database. */
export async function listUsers(actor: Actor, query: UserListQuery = {}): Promise<Page<UserRow>> {
  requireAdmin(actor, "user.manage");
  const { q, status, sort, dir, limit, cursor } = userListQuerySchema.parse(query);
  const now = currentTime();
  const filters: (SQL | undefined)[] = [];
  if (q) filters.push(or(ilike(users.email, containsPattern(q)), ilike(users.name, containsPattern(q))));
  if (status === "disabled") filters.push(isNotNull(users.disabledAt));
  if (status === "locked") filters.push(isNull(users.disabledAt), gt(users.lockedUntil, now));
  if (status === "active")
    filters.push(isNull(users.disabledAt), or(isNull(users.lockedUntil), lte(users.lockedUntil, now)));
  if (status === "admin") filters.push(eq(users.isAdmin, true));

  const after = decodeCursor(cursor, 1);
  if (after) {
    const id = uuid.safeParse(after[0]);
    if (!id.success) throw invalidCursor();
    // Compared in the database against the cursor row itself, so ties and microseconds page correctly.
    const cmp = dir === "asc" ? sql`>` : sql`<`;
    filters.push(
      sql`(${SORT[sort]}, ${users.id}) ${cmp} (select ${SORT_SQL[sort]}, c.id from users c where c.id = ${id.data})`,
    );
  }
  const order = dir === "asc" ? asc : desc;
  const db = await getDb();
  const rows = await db
    .select()
    .from(users)
    .where(and(...filters))
    .orderBy(order(SORT[sort]), order(users.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const grants = page.length
    ? await db
        .select({ userId: roleGrants.userId, siteCode: sites.code, role: roleGrants.role })
        .from(roleGrants)
        .innerJoin(sites, eq(sites.id, roleGrants.siteId))
        .where(
          inArray(
            roleGrants.userId,
            page.map((u) => u.id),
          ),
        )
        .orderBy(sites.code, roleGrants.role)
    : [];
  const items = page.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.isAdmin,
    status: userStatus(u, now),
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    roles: grants.filter((g) => g.userId === u.id).map((g) => ({ siteCode: g.siteCode, role: g.role })),
  }));
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.id]) : null };
}

import "server-only";
import { currentTime } from "@/lib/clock";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, roleGrants, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SiteRole } from "@/lib/domain/constants";
import { emailSchema } from "@/lib/schemas/auth";
import type { UserStatus } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import { tokenView, type TokenView } from "@/lib/services/tokens/view";
import { userStatus } from "./list-users";

export interface UserAdminView {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  status: UserStatus;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
  passwordChangedAt: Date;
  grants: {
    siteCode: string;
    siteName: string;
    role: SiteRole;
    grantedAt: Date;
    /** "manual" (granted in Interlock) or "idp" (from the provider's claim, replaced at each sign-in). */
    source: "manual" | "idp";
    idpClaim: string | null;
  }[];
  tokens: TokenView[];
}

export async function getUserAdminView(actor: Actor, email: string): Promise<UserAdminView> {
  requireAdmin(actor, "user.manage");
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw notFound("User");
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data)).limit(1);
  if (!user) throw notFound("User");
  const grants = await db
    .select({
      siteCode: sites.code,
      siteName: sites.name,
      role: roleGrants.role,
      grantedAt: roleGrants.grantedAt,
      source: roleGrants.source,
      idpClaim: roleGrants.idpClaim,
    })
    .from(roleGrants)
    .innerJoin(sites, eq(sites.id, roleGrants.siteId))
    .where(eq(roleGrants.userId, user.id))
    .orderBy(sites.code, roleGrants.role);
  const tokens = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, user.id))
    .orderBy(desc(apiTokens.createdAt))
    .limit(200);
  const now = currentTime();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    status: userStatus(user, now),
    disabledAt: user.disabledAt,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
    passwordChangedAt: user.passwordChangedAt,
    grants,
    tokens: tokens.map((t) => tokenView(t, now)),
  };
}

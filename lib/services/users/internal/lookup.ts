import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sites, users } from "@/db/schema";
import { emailSchema } from "@/lib/schemas/auth";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/services/base/errors";

/** The user by email, locked for the rest of the transaction. */
export async function lockUser(tx: Tx, email: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.email, emailSchema.parse(email)))
    .for("update");
  if (!user) throw notFound("User");
  return user;
}

/** The site a role is granted at or revoked from. */
export async function grantSite(tx: Tx, siteCode: string) {
  const [site] = await tx.select().from(sites).where(eq(sites.code, siteCode));
  if (!site) throw notFound(`Site ${siteCode}`);
  return site;
}

/**
 * Separation of duties (PRODUCT.md): an administrator cannot give their own account signing
 * roles, a new password or its access back; another administrator must. The command line acts
 * as the system operator on the host (no user id) and stays able to.
 */
export function refuseOwnAccount(actor: Actor, userId: string, refusal: string): void {
  if (actor.userId !== null && actor.userId === userId) throw forbidden(refusal);
}

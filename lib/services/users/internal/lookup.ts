import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sites, users } from "@/db/schema";
import { emailSchema } from "@/lib/schemas/auth";
import { notFound } from "@/lib/services/base/errors";

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

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, sessions, sites, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema } from "@/lib/schemas/auth";
import { grantSchema, resetPasswordSchema } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { ServiceError, notFound } from "@/lib/services/errors";
import type { Tx } from "@/db/client";

async function lockUser(tx: Tx, email: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.email, emailSchema.parse(email)))
    .for("update");
  if (!user) throw notFound("User");
  return user;
}

/** Disabling ends every session and token at once: actors are rebuilt from the database per request. */
export async function setUserDisabled(actor: Actor, email: string, disabled: boolean) {
  requireAdmin(actor, "user.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    if (actor.userId === user.id && disabled)
      throw new ServiceError("conflict", "You cannot disable your own account.");
    const now = new Date();
    await tx
      .update(users)
      .set({ disabledAt: disabled ? now : null, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    if (disabled)
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    await appendAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      objectType: "user",
      objectId: user.id,
      before: { disabled: user.disabledAt !== null },
      after: { disabled },
    });
  });
}

export async function resetPassword(actor: Actor, email: string, input: { password: string }) {
  requireAdmin(actor, "user.manage");
  const { password } = resetPasswordSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    const now = new Date();
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    await appendAudit(tx, actor, { action: "user.password_reset", objectType: "user", objectId: user.id });
  });
}

export async function grantRole(actor: Actor, email: string, input: { siteCode: string; role: string }) {
  requireAdmin(actor, "user.manage");
  const grant = grantSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    const [site] = await tx.select().from(sites).where(eq(sites.code, grant.siteCode));
    if (!site) throw notFound(`Site ${grant.siteCode}`);
    const inserted = await tx
      .insert(roleGrants)
      .values({ userId: user.id, siteId: site.id, role: grant.role, grantedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (inserted.length)
      await appendAudit(tx, actor, {
        action: "role.grant",
        objectType: "user",
        objectId: user.id,
        siteId: site.id,
        after: grant,
      });
    return { granted: inserted.length > 0 };
  });
}

export async function revokeRole(actor: Actor, email: string, input: { siteCode: string; role: string }) {
  requireAdmin(actor, "user.manage");
  const grant = grantSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    const [site] = await tx.select().from(sites).where(eq(sites.code, grant.siteCode));
    if (!site) throw notFound(`Site ${grant.siteCode}`);
    const removed = await tx
      .delete(roleGrants)
      .where(
        and(eq(roleGrants.userId, user.id), eq(roleGrants.siteId, site.id), eq(roleGrants.role, grant.role)),
      )
      .returning();
    if (removed.length)
      await appendAudit(tx, actor, {
        action: "role.revoke",
        objectType: "user",
        objectId: user.id,
        siteId: site.id,
        before: grant,
      });
    return { revoked: removed.length > 0 };
  });
}

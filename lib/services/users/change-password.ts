import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/users";
import { checkCredentials, credentialError } from "@/lib/services/auth/credentials";
import { forbidden, invalid, notFound } from "@/lib/services/base/errors";
import type { RevokedAccess } from "@/lib/domain/revoked-access";
import { revokeAccess } from "./internal/revoke-access";

/**
 * The user changes their own password after re-entering the current one (counted against the
 * same lockout as sign-in). Their other sessions, API tokens and calendar feed URLs are revoked;
 * the session they are using stays open.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<RevokedAccess> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in user can change their password.");
  const userId = actor.userId;
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const db = await getDb();
  const check = await checkCredentials(
    db,
    actor.email,
    currentPassword,
    actor.ip ?? "unknown",
    "password change",
  );
  if (!check.ok) {
    if (check.reason === "invalid")
      throw invalid("The current password is not correct.", [
        { path: "currentPassword", message: "The current password is not correct." },
      ]);
    throw credentialError(check);
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("User");
    const now = currentTime();
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
    const revoked = await revokeAccess(tx, userId, now, actor.sessionId);
    await appendAudit(tx, actor, {
      action: "user.password_change",
      objectType: "user",
      objectId: userId,
      after: { revoked },
      reason: "Changed by the user",
    });
    return revoked;
  });
}

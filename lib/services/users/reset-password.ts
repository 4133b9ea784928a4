import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { resetPasswordSchema } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { lockUser, refuseOwnAccount } from "./internal/lookup";
import { revokeAccess } from "./internal/revoke-access";

/** Sets a new password and closes every session, API token and calendar feed URL of the user. */
export async function resetPassword(actor: Actor, email: string, input: { password: string }) {
  requireAdmin(actor, "user.manage");
  const { password } = resetPasswordSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    refuseOwnAccount(
      actor,
      user.id,
      "You cannot reset your own password here; change it on your profile page with your current password, or ask another administrator.",
    );
    const now = currentTime();
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    const revoked = await revokeAccess(tx, user.id, now);
    await appendAudit(tx, actor, {
      action: "user.password_reset",
      objectType: "user",
      objectId: user.id,
      after: { revoked },
    });
    return revoked;
  });
}

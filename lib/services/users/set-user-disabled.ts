import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import { ServiceError } from "@/lib/services/base/errors";
import { lockUser, refuseOwnAccount } from "./internal/lookup";

/** Disabling ends every session and token at once: actors are rebuilt from the database per request. */
export async function setUserDisabled(actor: Actor, email: string, disabled: boolean) {
  requireAdmin(actor, "user.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    if (actor.userId === user.id && disabled)
      throw new ServiceError("conflict", "You cannot disable your own account.");
    if (!disabled)
      refuseOwnAccount(actor, user.id, "You cannot re-enable your own account; another administrator must.");
    const now = currentTime();
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

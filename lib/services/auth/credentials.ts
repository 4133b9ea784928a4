import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import { verifyPassword } from "@/lib/auth/password";
import { ServiceError } from "@/lib/services/base/errors";

export const LOCKOUT = {
  /** Failed attempts on one account within the window before it locks. */
  accountFailures: 5,
  /** Failed attempts from one client address within the window before it is refused. */
  addressFailures: 30,
  windowMinutes: 15,
  lockMinutes: 15,
} as const;

export type CredentialCheck =
  | { ok: true; user: typeof users.$inferSelect }
  | { ok: false; reason: "invalid" | "locked" | "disabled" | "rate_limited"; lockedUntil?: Date };

/**
 * Checks an email and password, counting failures per account and per address in the database
 * (shared by every app instance) and locking the account after repeated failures. Used by sign-in
 * and by electronic signatures, which re-enter the password.
 */
export async function checkCredentials(
  db: Db,
  emailRaw: string,
  password: string,
  ip: string,
  context: string,
): Promise<CredentialCheck> {
  const email = emailRaw.trim().toLowerCase();
  const now = new Date();
  const since = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000);
  const [fromAddress] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  if ((fromAddress?.n ?? 0) >= LOCKOUT.addressFailures) return { ok: false, reason: "rate_limited" };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (user?.lockedUntil && user.lockedUntil > now)
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  const valid = await verifyPassword(user?.passwordHash ?? null, password);

  if (valid && user && !user.disabledAt) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ email, ip, success: true });
      await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    });
    return { ok: true, user };
  }

  let lockedUntil: Date | undefined;
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip, success: false });
    await appendAudit(
      tx,
      { actorId: user?.id ?? null, actorEmail: email, ip },
      {
        action: "auth.login_failed",
        objectType: "user",
        objectId: user?.id ?? null,
        reason:
          user?.disabledAt && valid ? `${context}: account disabled` : `${context}: wrong email or password`,
      },
    );
    if (!user) return;
    const [row] = await tx
      .update(users)
      .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failures: users.failedLoginCount });
    if ((row?.failures ?? 0) >= LOCKOUT.accountFailures) {
      lockedUntil = new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000);
      await tx.update(users).set({ lockedUntil, failedLoginCount: 0 }).where(eq(users.id, user.id));
      await appendAudit(
        tx,
        { actorId: user.id, actorEmail: email, ip },
        {
          action: "auth.locked",
          objectType: "user",
          objectId: user.id,
          reason: `${LOCKOUT.accountFailures} failed attempts; locked until ${lockedUntil.toISOString()}`,
        },
      );
    }
  });
  if (lockedUntil) return { ok: false, reason: "locked", lockedUntil };
  return { ok: false, reason: user?.disabledAt && valid ? "disabled" : "invalid" };
}

export function credentialError(check: Exclude<CredentialCheck, { ok: true }>): ServiceError {
  switch (check.reason) {
    case "locked":
      return new ServiceError(
        "rate_limited",
        `Too many failed attempts: the account is locked until ${check.lockedUntil?.toISOString() ?? "later"}.`,
      );
    case "rate_limited":
      return new ServiceError(
        "rate_limited",
        "Too many failed attempts from this address. Try again in a few minutes.",
      );
    case "disabled":
      return new ServiceError("unauthenticated", "This account is disabled.");
    default:
      return new ServiceError("unauthenticated", "Wrong email or password.");
  }
}

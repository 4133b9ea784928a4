import "server-only";
import { currentTime } from "@/lib/clock";
import { and, count, eq, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
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

/** Key space of the per-address advisory lock (the second key is a hash of the address). */
const ADDRESS_LOCK = 8142010;

type Refusal = "locked" | "rate_limited";

export type CredentialCheck =
  { ok: true; user: typeof users.$inferSelect } | { ok: false; reason: "invalid" | "disabled" | Refusal };

const REFUSAL_REASON: Record<Refusal, string> = {
  locked: "account locked after repeated failures",
  rate_limited: "too many failures from this address",
};

/**
 * Checks an email and password, counting failures per account and per address in the database
 * (shared by every app instance) and locking the account after repeated failures. Used by sign-in
 * and by electronic signatures, which re-enter the password.
 *
 * Race-free in three steps: (1) under a per-address lock, the limits are read and the attempt is
 * recorded as a failure before the password is checked, so parallel attempts from one address
 * see each other; (2) the password is verified with no lock held; (3) the account's counter moves
 * in one UPDATE that only applies while the account is not locked, so of N parallel wrong
 * passwords exactly `accountFailures` count and the rest are refused by the lock they caused.
 */
export async function checkCredentials(
  db: Db,
  emailRaw: string,
  password: string,
  ip: string,
  context: string,
): Promise<CredentialCheck> {
  const email = emailRaw.trim().toLowerCase();
  const now = currentTime();
  const since = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000);
  const who = (user: { id: string } | undefined) => ({ actorId: user?.id ?? null, actorEmail: email, ip });

  const refuse = async (tx: Tx, user: { id: string } | undefined, reason: Refusal) => {
    await appendAudit(tx, who(user), {
      action: "auth.login_refused",
      objectType: "user",
      objectId: user?.id ?? null,
      reason: `${context}: ${REFUSAL_REASON[reason]}`,
    });
    return { ok: false as const, reason };
  };

  const reserved = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${ip}))`);
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if ((await failuresOf(tx, eq(loginAttempts.ip, ip), since)) >= LOCKOUT.addressFailures)
      return refuse(tx, user, "rate_limited");
    // An email that names no account locks like one that does, so the answer reveals nothing.
    const locked = user
      ? Boolean(user.lockedUntil && user.lockedUntil > now)
      : (await failuresOf(tx, eq(loginAttempts.email, email), since)) >= LOCKOUT.accountFailures;
    if (locked) return refuse(tx, user, "locked");
    const [attempt] = await tx
      .insert(loginAttempts)
      .values({ email, ip, success: false, at: now })
      .returning({ id: loginAttempts.id });
    return { user, attemptId: attempt!.id };
  });
  if ("ok" in reserved) return reserved;
  const { user, attemptId } = reserved;

  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  const notLocked = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));

  return db.transaction(async (tx): Promise<CredentialCheck> => {
    if (valid && user && !user.disabledAt) {
      const [cleared] = await tx
        .update(users)
        .set({ failedLoginCount: 0, lockedUntil: null })
        .where(and(eq(users.id, user.id), notLocked))
        .returning({ id: users.id });
      if (!cleared) return refuse(tx, user, "locked");
      await tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
      return { ok: true, user };
    }
    let lockedUntil: Date | null = null;
    if (user) {
      const reaches = sql`${users.failedLoginCount} + 1 >= ${LOCKOUT.accountFailures}`;
      const until = new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000);
      const [row] = await tx
        .update(users)
        .set({
          failedLoginCount: sql`case when ${reaches} then 0 else ${users.failedLoginCount} + 1 end`,
          lockedUntil: sql`case when ${reaches} then ${until.toISOString()}::timestamptz else null end`,
        })
        .where(and(eq(users.id, user.id), notLocked))
        .returning({ lockedUntil: users.lockedUntil });
      // A parallel attempt locked the account after this one passed step 1: refused, not counted.
      if (!row) return refuse(tx, user, "locked");
      lockedUntil = row.lockedUntil;
    }
    await appendAudit(tx, who(user), {
      action: "auth.login_failed",
      objectType: "user",
      objectId: user?.id ?? null,
      reason:
        user?.disabledAt && valid ? `${context}: account disabled` : `${context}: wrong email or password`,
    });
    if (user && lockedUntil) {
      await appendAudit(tx, who(user), {
        action: "auth.locked",
        objectType: "user",
        objectId: user.id,
        reason: `${LOCKOUT.accountFailures} failed attempts; locked until ${lockedUntil.toISOString()}`,
      });
    }
    if (lockedUntil) return { ok: false, reason: "locked" };
    // An unknown email answers "locked" on the same attempt a real account would.
    if (!user && (await failuresOf(tx, eq(loginAttempts.email, email), since)) >= LOCKOUT.accountFailures)
      return { ok: false, reason: "locked" };
    return { ok: false, reason: user?.disabledAt && valid ? "disabled" : "invalid" };
  });
}

async function failuresOf(tx: Tx, who: SQL, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

export function credentialError(check: Exclude<CredentialCheck, { ok: true }>): ServiceError {
  switch (check.reason) {
    case "locked":
      // The same words whether or not the account exists, and no time that only a real lock has.
      return new ServiceError(
        "rate_limited",
        `Too many failed attempts for this account: sign-in is paused for up to ${LOCKOUT.lockMinutes} minutes. An administrator can unlock it sooner.`,
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

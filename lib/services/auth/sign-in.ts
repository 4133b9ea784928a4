import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import { breakGlassAdmin, passwordLoginMode } from "@/lib/auth/oidc/config";
import { passwordSignInAllowed } from "@/lib/domain/sso/password-login";
import { signInSchema } from "@/lib/schemas/auth";
import { ServiceError } from "@/lib/services/base/errors";
import { checkCredentials, credentialError } from "./credentials";
import { SESSION_HOURS, openSession } from "./internal/open-session";

export { SESSION_HOURS };

export interface SignInResult {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
}

/**
 * Verifies credentials under the rate limits and opens a server-side session row. With
 * INTERLOCK_PASSWORD_LOGIN limiting passwords, a right password of another account is refused
 * (after the check, so the answer says nothing about an account to someone without its password).
 */
export async function signIn(
  input: z.input<typeof signInSchema>,
  client: { ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const { email, password } = signInSchema.parse(input);
  const db = await getDb();
  const check = await checkCredentials(db, email, password, client.ip, "sign-in");
  if (!check.ok) throw credentialError(check);
  const user = check.user;
  if (!passwordSignInAllowed(passwordLoginMode(), user, breakGlassAdmin())) {
    await db.transaction((tx) =>
      appendAudit(
        tx,
        { actorId: user.id, actorEmail: user.email, ip: client.ip },
        {
          action: "auth.login_refused",
          objectType: "user",
          objectId: user.id,
          reason: `sign-in: password sign-in is ${passwordLoginMode() === "off" ? "off" : "for administrators only"}`,
        },
      ),
    );
    throw new ServiceError(
      "forbidden",
      "Password sign-in is turned off for this account: use single sign-on. An Interlock administrator can help.",
    );
  }
  const sessionId = await db.transaction((tx) => openSession(tx, user, client, "password"));
  return { userId: user.id, sessionId, email: user.email, name: user.name };
}

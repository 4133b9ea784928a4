import "server-only";
import type { Tx } from "@/db/client";
import { sessions, type users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import { newSecret, sha256 } from "@/lib/auth/secrets";

export const SESSION_HOURS = 12;

/**
 * Opens the revocable server-side session row (the cookie carries only its secret) and records
 * the sign-in, inside the caller's transaction. Password and single sign-on sign-ins both end here.
 */
export async function openSession(
  tx: Tx,
  user: Pick<typeof users.$inferSelect, "id" | "email">,
  client: { ip: string; userAgent: string | null },
  method: "password" | "oidc",
  details: { method: "oidc"; issuer: string } | null = null,
): Promise<string> {
  const sessionId = newSecret("ses");
  await tx.insert(sessions).values({
    id: sha256(sessionId),
    userId: user.id,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    authMethod: method,
  });
  await appendAudit(
    tx,
    { actorId: user.id, actorEmail: user.email, ip: client.ip },
    { action: "auth.login", objectType: "session", objectId: user.id, after: details },
  );
  return sessionId;
}

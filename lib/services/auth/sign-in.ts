import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { signInSchema } from "@/lib/schemas/auth";
import { checkCredentials, credentialError } from "./credentials";

export const SESSION_HOURS = 12;

export interface SignInResult {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
}

/** Verifies credentials under the rate limits and opens a server-side session row. */
export async function signIn(
  input: z.input<typeof signInSchema>,
  client: { ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const { email, password } = signInSchema.parse(input);
  const db = await getDb();
  const check = await checkCredentials(db, email, password, client.ip, "sign-in");
  if (!check.ok) throw credentialError(check);
  const user = check.user;
  const sessionId = newSecret("ses");
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sha256(sessionId),
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await appendAudit(
      tx,
      { actorId: user.id, actorEmail: user.email, ip: client.ip },
      {
        action: "auth.login",
        objectType: "session",
        objectId: user.id,
      },
    );
  });
  return { userId: user.id, sessionId, email: user.email, name: user.name };
}

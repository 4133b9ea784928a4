import "server-only";
import type { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { invalid } from "@/lib/services/base/errors";
import { checkCredentials, credentialError } from "./credentials";

/**
 * The password half of an electronic signature (a change's sign-off, the board's approval of a
 * catalog model): the same check as sign-in, counted toward the lockout.
 */
export async function passwordSigner(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor,
  password: string,
  client: { ip?: string | null },
) {
  const check = await checkCredentials(
    db,
    actor.email,
    password,
    client.ip ?? actor.ip ?? "unknown",
    "Electronic signature",
  );
  if (!check.ok) {
    if (check.reason === "invalid") {
      throw invalid("The password is not correct; nothing was signed.", [
        { path: "password", message: "Wrong password." },
      ]);
    }
    throw credentialError(check);
  }
  return check.user;
}

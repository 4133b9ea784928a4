import "server-only";
import type { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, invalid } from "@/lib/services/base/errors";
import { requireScope } from "@/lib/services/authorize";
import { checkCredentials, credentialError } from "./credentials";

/**
 * Who may give an electronic signature at all: a person (a token only with its `sign` scope). A
 * single sign-on account proves itself at the identity provider, so without that proof (`reauth`)
 * it is refused with `ssoRefusal`.
 */
export function requireSigningPerson(
  actor: Actor,
  { reauth, ssoRefusal }: { reauth: boolean; ssoRefusal?: string },
): void {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a person can sign, with their own password.");
  requireScope(actor, "sign");
  if (!reauth && actor.authMethod === "oidc")
    throw forbidden(
      ssoRefusal ??
        "You signed in with single sign-on: signing asks the identity provider to confirm it is you.",
    );
}

/** A signature is the signer's own: the proven account must be the actor's. */
export function ownSigner<T extends { id: string }>(signer: T, actor: Actor): T {
  if (signer.id !== actor.userId) throw forbidden("Sign with your own account.");
  return signer;
}

/**
 * The password half of an electronic signature (a change's sign-off, the board's approval of a
 * catalog model, an extension, an advisory plan's extension): the same check as sign-in, counted
 * toward the lockout, and the signer's own account.
 */
export async function passwordSigner(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor,
  password: string,
  client: { ip?: string | null },
  /** What the sign-in log calls the attempt, and what a wrong password leaves undone. */
  { purpose = "Electronic signature", undone = "nothing was signed" } = {},
) {
  const check = await checkCredentials(
    db,
    actor.email,
    password,
    client.ip ?? actor.ip ?? "unknown",
    purpose,
  );
  if (!check.ok) {
    if (check.reason === "invalid") {
      throw invalid(`The password is not correct; ${undone}.`, [
        { path: "password", message: "Wrong password." },
      ]);
    }
    throw credentialError(check);
  }
  return ownSigner(check.user, actor);
}

/** How recent the provider's authentication must be for an electronic signature. */
export const REAUTH_MAX_AGE_SECONDS = 120;

export type ReauthVerdict =
  | { ok: true; authTime: Date }
  | { ok: false; code: "no_auth_time" | "stale" | "other_subject"; reason: string };

/**
 * 21 CFR 11.200: an SSO signer proves both components again at signing. The provider's ID token
 * must name the signer's own subject and an authentication at most two minutes old.
 */
export function reauthVerdict(
  claims: { sub: string; auth_time?: unknown },
  expectedSubject: string,
  now: Date,
): ReauthVerdict {
  if (claims.sub !== expectedSubject)
    return {
      ok: false,
      code: "other_subject",
      reason: "You signed in at the identity provider as someone else. Sign with your own account.",
    };
  if (typeof claims.auth_time !== "number")
    return {
      ok: false,
      code: "no_auth_time",
      reason: "The identity provider did not say when you signed in, so the signature cannot be verified.",
    };
  const authTime = new Date(claims.auth_time * 1000);
  const age = (now.getTime() - authTime.getTime()) / 1000;
  // A little clock skew between provider and portal is tolerated on the future side only.
  if (age > REAUTH_MAX_AGE_SECONDS || age < -30)
    return {
      ok: false,
      code: "stale",
      reason:
        "The identity provider did not ask for your password just now, so the signature cannot be verified. Try again and sign in at the provider when asked.",
    };
  return { ok: true, authTime };
}

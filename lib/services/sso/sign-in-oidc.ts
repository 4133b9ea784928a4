import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { userIdentities, users } from "@/db/schema";
import { appendAudit, type AuditActorInfo } from "@/lib/audit/append";
import { openSession } from "@/lib/services/auth/internal/open-session";
import type { SignInResult } from "@/lib/services/auth/sign-in";
import { SSO_REFUSALS, type SsoRefusal } from "@/lib/domain/sso/refusals";
import { ServiceError } from "@/lib/services/base/errors";
import { applyIdpGrants } from "./internal/apply-idp-grants";

/** The ID token's claims as the provider signed them (validated by the OIDC client before this). */
const claimsSchema = z
  .object({
    sub: z.string().min(1).max(255),
    email: z.string().trim().toLowerCase().pipe(z.email()).optional().catch(undefined),
    email_verified: z.boolean().optional().catch(undefined),
    name: z.string().trim().max(200).optional().catch(undefined),
  })
  .loose();

export interface OidcSignInInput {
  issuer: string;
  claims: Record<string, unknown>;
  autoProvision: boolean;
}

type Refused = { refused: SsoRefusal; detail: string; userId: string | null };
type Found = { user: typeof users.$inferSelect } | Refused;

const SIGN_IN = "Single sign-on";

/**
 * Signs in a user the identity provider vouched for. The account is found by (issuer, subject);
 * an account an administrator created is linked on its first SSO sign-in when the provider says
 * the email is verified and the account has no identity at this provider yet. With auto-provision
 * on, an unknown person gets an account (no roles but what the mapping gives). A disabled account
 * is refused whatever the provider says. The roles the claims map to replace the IdP grants, and
 * the revocable server-side session row is opened, as for a password sign-in.
 */
export async function signInWithOidc(
  input: OidcSignInInput,
  client: { ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const claims = claimsSchema.parse(input.claims);
  const db = await getDb();
  const who = (u: { id: string; email: string } | null): AuditActorInfo => ({
    actorId: u?.id ?? null,
    actorEmail: u?.email ?? claims.email ?? `${input.issuer}#${claims.sub}`,
    ip: client.ip,
  });

  const outcome = await db.transaction(async (tx) => {
    const found = await findOrLink(tx, input, claims, who);
    if ("refused" in found) {
      await appendAudit(tx, who(null), {
        action: "auth.login_refused",
        objectType: "user",
        objectId: found.userId,
        reason: `${SIGN_IN}: ${found.detail}`,
      });
      return found;
    }
    const user = await refreshProfile(tx, found.user, claims, who(found.user));
    if (user.disabledAt) {
      await appendAudit(tx, who(user), {
        action: "auth.login_refused",
        objectType: "user",
        objectId: user.id,
        reason: `${SIGN_IN}: account disabled`,
      });
      return { refused: "disabled", detail: "account disabled", userId: user.id } satisfies Refused;
    }
    await tx
      .update(userIdentities)
      .set({ lastSignInAt: currentTime() })
      .where(and(eq(userIdentities.issuer, input.issuer), eq(userIdentities.subject, claims.sub)));
    await applyIdpGrants(tx, user, input.claims, who(user));
    const sessionId = await openSession(tx, user, client, "oidc", { method: "oidc", issuer: input.issuer });
    return { result: { userId: user.id, sessionId, email: user.email, name: user.name } };
  });
  if ("refused" in outcome)
    throw new ServiceError("unauthenticated", SSO_REFUSALS[outcome.refused], { refusal: outcome.refused });
  return outcome.result;
}

async function findOrLink(
  tx: Tx,
  input: OidcSignInInput,
  claims: z.output<typeof claimsSchema>,
  who: (u: { id: string; email: string } | null) => AuditActorInfo,
): Promise<Found> {
  const [linked] = await tx
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, input.issuer), eq(userIdentities.subject, claims.sub)))
    .for("update", { of: users });
  if (linked) return { user: linked.user };

  if (!claims.email)
    return { refused: "no_email", detail: `no email claim for subject ${claims.sub}`, userId: null };
  const [byEmail] = await tx.select().from(users).where(eq(users.email, claims.email)).for("update");
  if (byEmail) {
    const [other] = await tx
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, byEmail.id), eq(userIdentities.issuer, input.issuer)));
    if (other)
      return {
        refused: "other_person",
        detail: `${claims.email} is linked to another subject than ${claims.sub}`,
        userId: byEmail.id,
      };
    if (claims.email_verified !== true)
      return {
        refused: "unverified",
        detail: `${claims.email} not verified by the provider`,
        userId: byEmail.id,
      };
    await link(tx, input.issuer, claims, byEmail, who(byEmail));
    return { user: byEmail };
  }
  if (!input.autoProvision)
    return {
      refused: "no_account",
      detail: `no account for ${claims.email} (auto-provision off)`,
      userId: null,
    };
  const [created] = await tx
    .insert(users)
    .values({ email: claims.email, name: claims.name || claims.email, passwordHash: null })
    .returning();
  await appendAudit(tx, who(created!), {
    action: "user.create",
    objectType: "user",
    objectId: created!.id,
    after: { email: created!.email, name: created!.name, isAdmin: false, grants: [], via: "oidc" },
    reason: `${SIGN_IN}: first sign-in (auto-provision)`,
  });
  await link(tx, input.issuer, claims, created!, who(created!));
  return { user: created! };
}

async function link(
  tx: Tx,
  issuer: string,
  claims: z.output<typeof claimsSchema>,
  user: { id: string; email: string },
  who: AuditActorInfo,
) {
  await tx
    .insert(userIdentities)
    .values({ issuer, subject: claims.sub, userId: user.id, emailAtLink: claims.email });
  await appendAudit(tx, who, {
    action: "user.identity_link",
    objectType: "user",
    objectId: user.id,
    after: { issuer, subject: claims.sub },
  });
}

/** The provider is the source of a person's name and email: follow it when either changed. */
async function refreshProfile(
  tx: Tx,
  user: typeof users.$inferSelect,
  claims: z.output<typeof claimsSchema>,
  who: AuditActorInfo,
) {
  const name = claims.name && claims.name !== user.name ? claims.name : user.name;
  let email = user.email;
  if (claims.email && claims.email !== user.email && claims.email_verified === true) {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, claims.email));
    if (!taken) email = claims.email;
  }
  if (name === user.name && email === user.email) return user;
  const [updated] = await tx.update(users).set({ name, email }).where(eq(users.id, user.id)).returning();
  await appendAudit(tx, who, {
    action: "user.update",
    objectType: "user",
    objectId: user.id,
    before: { name: user.name, email: user.email },
    after: { name, email },
    reason: `${SIGN_IN}: name or email changed at the identity provider`,
  });
  return updated!;
}

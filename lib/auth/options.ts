import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { safeCallbackPath } from "@/lib/domain/safe-redirect";
import { clientIp } from "@/lib/http/client-ip";
import { isServiceError } from "@/lib/services/base/errors";
import { SESSION_HOURS, signIn } from "@/lib/services/auth/sign-in";
import { signOut } from "@/lib/services/auth/sign-out";
import { signInWithOidc } from "@/lib/services/sso/sign-in-oidc";
import { OIDC_PROVIDER_ID, oidcConfig, type OidcConfig } from "./oidc/config";

function headersOf(raw: Record<string, unknown> | undefined): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw ?? {})) if (typeof v === "string") h.set(k, v);
  return h;
}

/**
 * The configured OpenID Connect provider through next-auth's OAuth support: discovery from the
 * issuer, authorization code with PKCE and state, and the profile read from the validated ID
 * token (as the re-authentication at signing reads it), never from userinfo.
 */
function oidcProvider(config: OidcConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.displayName,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scopes } },
    checks: ["pkce", "state"],
    idToken: true,
    httpOptions: { timeout: config.timeoutMs },
    profile: (p) => ({
      id: String(p.sub),
      email: typeof p.email === "string" ? p.email : null,
      name: typeof p.name === "string" ? p.name : null,
    }),
  };
}

type WithSession = { sid?: string; idToken?: string };

/** next-auth's options for one request (the client address goes into the trail and the session). */
export function authOptionsFor(requestHeaders: Headers | null = null): NextAuthOptions {
  const config = oidcConfig();
  const client = () => ({
    ip: requestHeaders ? clientIp(requestHeaders) : "unknown",
    userAgent: requestHeaders?.get("user-agent") ?? null,
  });
  return {
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const headers = headersOf(req.headers as Record<string, unknown> | undefined);
          try {
            const result = await signIn(
              { email: credentials?.email ?? "", password: credentials?.password ?? "" },
              { ip: clientIp(headers), userAgent: headers.get("user-agent") },
            );
            return { id: result.userId, email: result.email, name: result.name, sid: result.sessionId };
          } catch (e) {
            // next-auth hands the message to the sign-in form; only our own plain-language messages pass.
            if (isServiceError(e)) throw new Error(e.message);
            throw new Error("Check the email and password and try again.");
          }
        },
      }),
      ...(config ? [oidcProvider(config)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !config) return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        try {
          const result = await signInWithOidc(
            {
              issuer: typeof claims.iss === "string" ? claims.iss : config.issuer,
              claims,
              autoProvision: config.autoProvision,
            },
            client(),
          );
          // next-auth hands this same object to the jwt callback below.
          Object.assign(user, { sid: result.sessionId, idToken: account.id_token } satisfies WithSession);
          return true;
        } catch (e) {
          const code =
            isServiceError(e) && typeof e.details.refusal === "string" ? e.details.refusal : "failed";
          return `/login?error=sso_${code}`;
        }
      },
      // next-auth's own redirects (after sign-in or sign-out) follow the same rule as the sign-in page.
      redirect({ url, baseUrl }) {
        const relative = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(relative)}`;
      },
      jwt({ token, user }) {
        const u = user as WithSession | undefined;
        if (u?.sid) token.sid = u.sid;
        // Kept for RP-initiated logout (id_token_hint); the cookie is encrypted.
        if (u?.idToken) token.idt = u.idToken;
        return token;
      },
      session({ session }) {
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await signOut(token.sid, null);
      },
    },
  };
}

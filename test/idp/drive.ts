import fs from "node:fs";
import path from "node:path";
import { Issuer, generators, type IdTokenClaims } from "openid-client";
import { inject } from "vitest";

const IDP = JSON.parse(fs.readFileSync(path.join(__dirname, "users.json"), "utf8")) as {
  client: { id: string; secret: string };
  password: string;
  users: Record<string, { sub: string; email: string; name: string; groups: string[] }>;
};
export const IDP_USERS = IDP.users;
export type IdpUser = keyof typeof IDP.users & string;

/** Points the portal's configuration at the test identity provider started by the global setup. */
export function useTestIdp(opts: { autoProvision?: boolean } = {}): string {
  const issuer = inject("idpIssuer");
  process.env.INTERLOCK_OIDC_ISSUER = issuer;
  process.env.INTERLOCK_OIDC_CLIENT_ID = IDP.client.id;
  process.env.INTERLOCK_OIDC_CLIENT_SECRET = IDP.client.secret;
  process.env.INTERLOCK_OIDC_SCOPES = "openid email profile groups";
  process.env.INTERLOCK_OIDC_AUTO_PROVISION = opts.autoProvision ? "1" : "0";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  return issuer;
}

/**
 * Plays the browser through the provider's login page: follows its redirects with a cookie jar,
 * submits the user's credentials, and returns the URL the provider sends the browser back to
 * (the portal's callback with code and state), without calling it.
 */
export async function loginAtIdp(
  authorizationUrl: string,
  user: IdpUser,
  opts: { authAge?: number; password?: string } = {},
): Promise<URL> {
  const issuer = new URL(authorizationUrl).origin;
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: cookie() },
    });
    remember(res);
    init = {};
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== issuer) return next;
      url = next.toString();
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action)
      throw new Error(`unexpected page at the identity provider (${res.status}): ${html.slice(0, 300)}`);
    url = new URL(action, url).toString();
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        username: user,
        password: opts.password ?? IDP.password,
        auth_age: String(opts.authAge ?? 0),
      }).toString(),
    };
  }
  throw new Error("too many redirects at the identity provider");
}

/**
 * A complete sign-in at the provider as next-auth does it (code flow with PKCE and state), ending
 * with the validated ID token's claims, which the portal's sign-in service receives.
 */
export async function idpSignIn(user: IdpUser): Promise<IdTokenClaims> {
  const issuer = await Issuer.discover(inject("idpIssuer"));
  const redirectUri = "http://localhost:3000/api/auth/callback/oidc";
  const client = new issuer.Client({
    client_id: IDP.client.id,
    client_secret: IDP.client.secret,
    redirect_uris: [redirectUri],
  });
  const state = generators.state();
  const verifier = generators.codeVerifier();
  const back = await loginAtIdp(
    client.authorizationUrl({
      scope: "openid email profile groups",
      state,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: "S256",
      prompt: "login",
    }),
    user,
  );
  const tokens = await client.callback(redirectUri, client.callbackParams(back.toString()), {
    state,
    code_verifier: verifier,
  });
  return tokens.claims();
}

import "server-only";
import { Issuer, custom, generators, type Client, type IdTokenClaims } from "openid-client";
import { oidcConfig, type OidcConfig } from "./config";

/** Where the provider sends a signer back after re-authenticating for an electronic signature. */
export const REAUTH_CALLBACK_PATH = "/api/sso/reauth/callback";

export function portalBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

let cached: { key: string; at: number; client: Client } | null = null;
const DISCOVERY_TTL_MS = 10 * 60_000;

/**
 * The provider's client, from its discovery document (cached for ten minutes). Every HTTP call it
 * makes (discovery, token, keys) has the configured timeout, so a provider that hangs cannot hold
 * a request open.
 */
export async function oidcClient(config: OidcConfig | null = oidcConfig()): Promise<Client> {
  if (!config) throw new Error("Single sign-on is not configured.");
  const key = `${config.issuer}|${config.clientId}`;
  if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.client;
  const http = () => ({ timeout: config.timeoutMs });
  Issuer[custom.http_options] = http;
  const issuer = await Issuer.discover(config.issuer);
  const client = new issuer.Client({
    client_id: config.clientId,
    client_secret: config.clientSecret,
    redirect_uris: [`${portalBaseUrl()}${REAUTH_CALLBACK_PATH}`],
    response_types: ["code"],
  });
  client[custom.http_options] = http;
  cached = { key, at: Date.now(), client };
  return client;
}

export interface ReauthChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A fresh state, nonce and PKCE verifier for one re-authentication. */
export function newReauthChecks(): ReauthChecks {
  return { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
}

/**
 * The provider's login page, told to ask for the password again whatever session it has
 * (`prompt=login`, `max_age=0`); the ID token it returns then carries a new auth_time.
 */
export async function reauthUrl(checks: ReauthChecks, loginHint: string | null): Promise<string> {
  const config = oidcConfig();
  const client = await oidcClient(config);
  return client.authorizationUrl({
    scope: config!.scopes,
    redirect_uri: `${portalBaseUrl()}${REAUTH_CALLBACK_PATH}`,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: generators.codeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
    prompt: "login",
    max_age: 0,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
}

/**
 * Exchanges the code from the provider's redirect for a validated ID token (signature, issuer,
 * audience, expiry, nonce, state, PKCE) and returns its claims. auth_time is judged by the caller.
 */
export async function exchangeReauthCode(
  params: Record<string, string>,
  checks: ReauthChecks,
): Promise<IdTokenClaims> {
  const client = await oidcClient();
  const tokens = await client.callback(`${portalBaseUrl()}${REAUTH_CALLBACK_PATH}`, params, {
    state: checks.state,
    nonce: checks.nonce,
    code_verifier: checks.codeVerifier,
  });
  return tokens.claims();
}

/** RP-initiated logout: the provider's end_session_endpoint, when it publishes one. */
export async function endSessionUrl(idToken: string | null, afterLogout: string): Promise<string | null> {
  const config = oidcConfig();
  if (!config) return null;
  const client = await oidcClient(config);
  if (!client.issuer.metadata.end_session_endpoint) return null;
  return client.endSessionUrl({
    post_logout_redirect_uri: afterLogout,
    ...(idToken ? { id_token_hint: idToken } : { client_id: config.clientId }),
  });
}

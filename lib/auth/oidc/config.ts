import "server-only";
import type { PasswordLoginMode } from "@/lib/domain/sso/password-login";

/** The provider id in next-auth's URLs (/api/auth/signin/oidc, /api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: "Sign in with …". */
  displayName: string;
  scopes: string;
  autoProvision: boolean;
  /** Milliseconds for each HTTP call to the provider (discovery, token, keys). */
  timeoutMs: number;
}

/** The configured OpenID Connect provider, or null when single sign-on is not set up. */
export function oidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env.INTERLOCK_OIDC_ISSUER?.trim();
  const clientId = env.INTERLOCK_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.INTERLOCK_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  const timeout = Number(env.INTERLOCK_OIDC_TIMEOUT_MS ?? 10_000);
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    displayName: env.INTERLOCK_OIDC_NAME?.trim() || "single sign-on",
    scopes: env.INTERLOCK_OIDC_SCOPES?.trim() || "openid email profile",
    autoProvision: env.INTERLOCK_OIDC_AUTO_PROVISION === "1",
    timeoutMs: Number.isFinite(timeout) && timeout >= 1000 ? Math.floor(timeout) : 10_000,
  };
}

/** INTERLOCK_PASSWORD_LOGIN: `on` (default), `admins`, or `off` (only the break-glass administrator). */
export function passwordLoginMode(env: NodeJS.ProcessEnv = process.env): PasswordLoginMode {
  const v = env.INTERLOCK_PASSWORD_LOGIN?.trim().toLowerCase();
  return v === "off" || v === "admins" ? v : "on";
}

/** The administrator who may still sign in with a password when password sign-in is off. */
export function breakGlassAdmin(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.INTERLOCK_BREAK_GLASS_ADMIN?.trim().toLowerCase() || null;
}

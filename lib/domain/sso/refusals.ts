/** Why a single sign-on was refused, in the words the sign-in page shows (codes travel in the URL). */
export const SSO_REFUSALS = {
  no_email: "The identity provider sent no email address for your account. Ask an Interlock administrator.",
  other_person:
    "The Interlock account with your email is linked to another person at the identity provider. Ask an Interlock administrator.",
  unverified:
    "The identity provider has not verified your email address, so it cannot be matched to an Interlock account.",
  no_account: "There is no Interlock account for you yet. Ask an Interlock administrator to create it.",
  disabled: "Your Interlock account is disabled. An Interlock administrator can enable it.",
  failed: "Single sign-on did not complete. Try again, or ask an Interlock administrator.",
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

export function ssoRefusalMessage(code: string | undefined): string | null {
  if (!code?.startsWith("sso_")) return null;
  const key = code.slice(4);
  return key in SSO_REFUSALS ? SSO_REFUSALS[key as SsoRefusal] : SSO_REFUSALS.failed;
}

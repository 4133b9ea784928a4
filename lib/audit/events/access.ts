import { z } from "zod";
import { SITE_ROLES } from "@/lib/domain/constants";
import { TOKEN_SCOPES } from "@/lib/domain/token-scopes";
import { changed, event, id, instant } from "./define";

const grant = z.strictObject({ siteCode: z.string(), role: z.enum(SITE_ROLES) });
/** A grant from the identity provider's claims (lib/services/sso), with the claim that caused it. */
const idpGrant = grant.extend({ source: z.literal("idp"), claim: z.string().nullable() });
const mapping = z.strictObject({
  claim: z.string(),
  value: z.string(),
  siteCode: z.string(),
  role: z.enum(SITE_ROLES),
});
const disabled = z.strictObject({ disabled: z.boolean() });
/** What a password change or reset closed (lib/domain/revoked-access). */
const revoked = z.strictObject({
  revoked: z.strictObject({ sessions: z.number().int(), tokens: z.number().int(), feeds: z.number().int() }),
});
const token = {
  userEmail: z.string(),
  name: z.string(),
  prefix: z.string(),
  expiresAt: instant,
  scopes: z.array(z.enum(TOKEN_SCOPES)),
};

/** Signing in and out, accounts, role grants and API tokens. The reason says why a sign-in failed. */
export const ACCESS_EVENTS = {
  "auth.login": event("session", {
    after: z.strictObject({ method: z.literal("oidc"), issuer: z.string() }).nullable(),
  }),
  "auth.login_failed": event("user"),
  "auth.login_refused": event("user"),
  "auth.locked": event("user"),
  "auth.logout": event("session"),
  "user.create": event("user", {
    after: z.strictObject({
      email: z.string(),
      name: z.string(),
      isAdmin: z.boolean(),
      grants: z.array(grant),
      via: z.literal("oidc").optional(),
    }),
  }),
  "user.update": event("user", {
    before: changed({ email: z.string(), name: z.string(), isAdmin: z.boolean() }),
    after: changed({ email: z.string(), name: z.string(), isAdmin: z.boolean() }),
  }),
  "user.disable": event("user", { before: disabled, after: disabled }),
  "user.enable": event("user", { before: disabled, after: disabled }),
  "user.password_reset": event("user", { after: revoked }),
  "user.password_change": event("user", { after: revoked }),
  "role.grant": event("user", { after: z.union([grant, idpGrant]) }),
  "role.revoke": event("user", { before: z.union([grant, idpGrant]) }),
  "role.idp_held": event("user", { after: idpGrant }),
  "role.idp_approve": event("user", { after: idpGrant }),
  "role.idp_decline": event("user", { after: idpGrant }),
  "user.identity_link": event("user", { after: z.strictObject({ issuer: z.string(), subject: z.string() }) }),
  "sso.mapping_create": event("idp_role_mapping", { after: mapping }),
  "sso.mapping_delete": event("idp_role_mapping", { before: mapping }),
  "token.create": event("api_token", {
    after: z.union([
      // Created by its owner (possibly from a parent token, which bounds it)…
      z.strictObject({ ...token, parentTokenId: id.nullable() }),
      // …or issued for a user by an administrator.
      z.strictObject({ ...token, userId: id }),
    ]),
  }),
  "token.revoke": event("api_token", {
    before: z.strictObject({ revoked: z.literal(false) }),
    after: z.strictObject({
      revoked: z.literal(true),
      userEmail: z.string().nullable(),
      name: z.string(),
      prefix: z.string(),
      alsoRevoked: z.array(id).optional(),
    }),
  }),
};

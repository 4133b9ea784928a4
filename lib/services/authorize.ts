import "server-only";
import type { Actor } from "@/lib/auth/actor";
import {
  hasAdminPermission,
  hasSitePermission,
  sitesWithPermission,
  type AdminPermission,
  type SitePermission,
} from "@/lib/auth/permissions";
import { allows, type TokenScope } from "@/lib/domain/token-scopes";
import { ServiceError, forbidden } from "./base/errors";

/** A token acts only within its scopes (sessions and the command line are not limited). */
export function requireScope(actor: Actor, scope: TokenScope): void {
  if (!allows(actor.scopes, scope))
    throw new ServiceError(
      "forbidden",
      `This API token lacks the "${scope}" scope (it has ${actor.scopes?.join(", ") || "none"}). Create a token with that scope on your profile page.`,
      { refusal: "token_scope" },
    );
}

export function requireAdmin(actor: Actor, permission: AdminPermission): void {
  if (!hasAdminPermission(actor, permission)) throw forbidden("Only an administrator may do this.");
}

/**
 * For an object at a site: a caller who cannot even see the site gets "not found" (its existence
 * is not disclosed); one who can see it but lacks the role gets "forbidden".
 */
export function requireSitePermission(
  actor: Actor,
  permission: SitePermission,
  siteId: string,
  what: string,
): void {
  if (hasSitePermission(actor, permission, siteId)) return;
  if (hasSitePermission(actor, "site.view", siteId))
    throw forbidden(`Your roles at this site do not allow this (${permission}).`);
  throw new ServiceError("not_found", `${what} not found.`);
}

export function scopeFor(actor: Actor, permission: SitePermission): string[] {
  return sitesWithPermission(actor, permission);
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import {
  hasAdminPermission,
  hasSitePermission,
  sitesWithPermission,
  type AdminPermission,
  type SitePermission,
} from "@/lib/auth/permissions";
import { ServiceError, forbidden } from "./base/errors";

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

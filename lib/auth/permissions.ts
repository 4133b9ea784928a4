import { SITE_ROLES, type SiteRole } from "@/lib/domain/constants";

/**
 * The one permission table. Site permissions are granted by roles held at that site;
 * admin permissions by the global administrator flag, which never implies a site role
 * (an administrator cannot sign or see a site's changes by virtue of being admin).
 */
export const SITE_PERMISSIONS = {
  "site.view": SITE_ROLES,
  "asset.view": SITE_ROLES,
  "asset.edit": ["requester", "change_manager"],
  "asset.import": ["requester", "change_manager"],
  "change.view": SITE_ROLES,
  "change.create": ["requester", "change_manager"],
  "change.implement": ["requester"],
  /** Besides the change's implementer, who may always close what they implemented. */
  "change.close": ["requester", "change_manager"],
  "window.view": SITE_ROLES,
  "window.manage": ["change_manager"],
  /** Scheduling and chairing change-board meetings (issue 15). */
  "board.manage": ["change_manager"],
  "production.manage": ["change_manager", "operations"],
  "audit.view": ["auditor", "change_manager"],
  "audit.export": ["auditor"],
  /** The chain spans every site; holding it at any site (or being admin) lets one check it. */
  "audit.verify": ["auditor"],
  "advisory.view": SITE_ROLES,
  "advisory.import": ["security"],
  /** Settling unknown matches, applicability (CIP-007 R2) and mitigation plans. */
  "advisory.assess": ["security", "change_manager"],
  "advisory.extend_plan": ["change_manager"],
  "catalog.view": SITE_ROLES,
  /** Proposing, editing and retiring standard change models; approving them is the change board's sign-off. */
  "catalog.manage": ["change_manager"],
  /** Seeing every delegation of signing authority at the site (each party always sees their own). */
  "delegation.view": ["change_manager", "auditor"],
} as const satisfies Record<string, readonly SiteRole[]>;

export type SitePermission = keyof typeof SITE_PERMISSIONS;

/** webhook.manage: endpoints and their deliveries; mail.view: the mail log and outbox. */
export const ADMIN_PERMISSIONS = [
  "site.manage",
  "user.manage",
  "audit.verify",
  "webhook.manage",
  "mail.view",
] as const;
export type AdminPermission = (typeof ADMIN_PERMISSIONS)[number];

export interface GrantLike {
  siteId: string;
  role: SiteRole;
  /** A role lent by a delegation: it gives only what DELEGATED_PERMISSIONS lists (and signing). */
  delegation?: unknown;
}

/** What a delegated role lets its holder do besides signing on the delegator's behalf: see what they sign. */
const DELEGATED_PERMISSIONS: ReadonlySet<SitePermission> = new Set([
  "site.view",
  "asset.view",
  "change.view",
  "window.view",
  "advisory.view",
]);

function gives(g: GrantLike, roles: readonly SiteRole[], permission: SitePermission): boolean {
  return roles.includes(g.role) && (!g.delegation || DELEGATED_PERMISSIONS.has(permission));
}

export interface PermissionSubject {
  isAdmin: boolean;
  grants: readonly GrantLike[];
}

export function rolesAllowed(permission: SitePermission): readonly SiteRole[] {
  return SITE_PERMISSIONS[permission];
}

export function hasSitePermission(
  subject: PermissionSubject,
  permission: SitePermission,
  siteId: string,
): boolean {
  const roles: readonly SiteRole[] = SITE_PERMISSIONS[permission];
  return subject.grants.some((g) => g.siteId === siteId && gives(g, roles, permission));
}

/** Site ids at which the subject holds the permission; the scope passed into every query. */
export function sitesWithPermission(subject: PermissionSubject, permission: SitePermission): string[] {
  const roles: readonly SiteRole[] = SITE_PERMISSIONS[permission];
  return [...new Set(subject.grants.filter((g) => gives(g, roles, permission)).map((g) => g.siteId))];
}

/** A permission that is not about one site: held through the admin flag or at any site. */
export function hasPermissionAnywhere(
  subject: PermissionSubject,
  permission: SitePermission & AdminPermission,
): boolean {
  return hasAdminPermission(subject, permission) || sitesWithPermission(subject, permission).length > 0;
}

export function hasAdminPermission(subject: PermissionSubject, permission: AdminPermission): boolean {
  return subject.isAdmin && ADMIN_PERMISSIONS.includes(permission);
}

export function hasRoleAt(subject: PermissionSubject, role: SiteRole, siteId: string): boolean {
  return subject.grants.some((g) => g.siteId === siteId && g.role === role);
}

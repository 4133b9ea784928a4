import { describe, expect, it } from "vitest";
import { SITE_ROLES, type SiteRole } from "@/lib/domain/constants";
import {
  ADMIN_PERMISSIONS,
  SITE_PERMISSIONS,
  hasAdminPermission,
  hasPermissionAnywhere,
  hasRoleAt,
  hasSitePermission,
  rolesAllowed,
  sitesWithPermission,
  type SitePermission,
} from "./permissions";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const PERMISSIONS = Object.keys(SITE_PERMISSIONS) as SitePermission[];

/** The table as the product defines it, written out independently so a change to one shows in the other. */
const EXPECTED: Record<SitePermission, SiteRole[]> = {
  "site.view": [...SITE_ROLES],
  "asset.view": [...SITE_ROLES],
  "asset.edit": ["requester", "change_manager"],
  "asset.import": ["requester", "change_manager"],
  "change.view": [...SITE_ROLES],
  "change.create": ["requester", "change_manager"],
  "change.implement": ["requester"],
  "change.close": ["requester", "change_manager"],
  "window.view": [...SITE_ROLES],
  "window.manage": ["change_manager"],
  "board.manage": ["change_manager"],
  "production.manage": ["change_manager", "operations"],
  "audit.view": ["auditor", "change_manager"],
  "audit.export": ["auditor"],
  "audit.verify": ["auditor"],
  "advisory.view": [...SITE_ROLES],
  "advisory.import": ["security"],
  "advisory.assess": ["security", "change_manager"],
  "advisory.extend_plan": ["change_manager"],
  "catalog.view": [...SITE_ROLES],
  "catalog.manage": ["change_manager"],
  "delegation.view": ["change_manager", "auditor"],
};

const subject = (grants: { siteId: string; role: SiteRole }[], isAdmin = false) => ({ isAdmin, grants });

describe("SITE_PERMISSIONS", () => {
  it("is the table the product defines", () => {
    expect(Object.keys(SITE_PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const p of PERMISSIONS) expect([...rolesAllowed(p)].sort(), p).toEqual([...EXPECTED[p]].sort());
  });

  describe.each(PERMISSIONS)("%s", (permission) => {
    it.each(SITE_ROLES)("role %s at the site", (role) => {
      const allowed = EXPECTED[permission].includes(role);
      expect(hasSitePermission(subject([{ siteId: A, role }]), permission, A)).toBe(allowed);
    });

    it.each(SITE_ROLES)("role %s at another site grants nothing here", (role) => {
      expect(hasSitePermission(subject([{ siteId: B, role }]), permission, A)).toBe(false);
    });

    it("the administrator flag alone grants nothing at any site", () => {
      expect(hasSitePermission(subject([], true), permission, A)).toBe(false);
      expect(sitesWithPermission(subject([], true), permission)).toEqual([]);
    });
  });
});

describe("sitesWithPermission", () => {
  it("lists each site once where some role carries the permission", () => {
    const s = subject([
      { siteId: A, role: "requester" },
      { siteId: A, role: "change_manager" },
      { siteId: B, role: "auditor" },
    ]);
    expect(sitesWithPermission(s, "asset.edit")).toEqual([A]);
    expect(sitesWithPermission(s, "audit.view").sort()).toEqual([A, B].sort());
    expect(sitesWithPermission(s, "site.view").sort()).toEqual([A, B].sort());
    expect(sitesWithPermission(s, "advisory.import")).toEqual([]);
  });

  it("is empty without grants", () => {
    for (const p of PERMISSIONS) expect(sitesWithPermission(subject([]), p)).toEqual([]);
  });
});

describe("admin permissions", () => {
  it.each(ADMIN_PERMISSIONS)("%s follows the administrator flag only", (p) => {
    expect(hasAdminPermission(subject([], true), p)).toBe(true);
    expect(hasAdminPermission(subject(SITE_ROLES.map((role) => ({ siteId: A, role }))), p)).toBe(false);
  });
});

describe("hasPermissionAnywhere (audit.verify)", () => {
  it.each([
    ["an administrator without site roles", subject([], true), true],
    ["an auditor at one site", subject([{ siteId: B, role: "auditor" }]), true],
    [
      "a change manager (who may view the trail, not verify it)",
      subject([{ siteId: A, role: "change_manager" }]),
      false,
    ],
    [
      "every other role",
      subject(SITE_ROLES.filter((r) => r !== "auditor").map((role) => ({ siteId: A, role }))),
      false,
    ],
    ["no grants", subject([]), false],
  ])("%s", (_name, s, allowed) => {
    expect(hasPermissionAnywhere(s, "audit.verify")).toBe(allowed);
  });
});

describe("hasRoleAt", () => {
  it("matches role and site exactly", () => {
    const s = subject([{ siteId: A, role: "safety" }]);
    expect(hasRoleAt(s, "safety", A)).toBe(true);
    expect(hasRoleAt(s, "safety", B)).toBe(false);
    expect(hasRoleAt(s, "operations", A)).toBe(false);
    expect(hasRoleAt(subject([], true), "safety", A)).toBe(false);
  });
});

describe("a role lent by a delegation", () => {
  const lent = {
    isAdmin: false,
    grants: [{ siteId: A, role: "change_manager" as SiteRole, delegation: {} }],
  };
  it("lets its holder see the site's changes, windows, assets and advisories", () => {
    for (const p of ["site.view", "asset.view", "change.view", "window.view", "advisory.view"] as const)
      expect(hasSitePermission(lent, p, A), p).toBe(true);
  });
  it("gives none of the role's other permissions", () => {
    for (const p of PERMISSIONS.filter(
      (p) => !p.endsWith(".view") || p === "audit.view" || p === "delegation.view",
    ))
      expect(hasSitePermission(lent, p, A), p).toBe(false);
    expect(sitesWithPermission(lent, "window.manage")).toEqual([]);
  });
});

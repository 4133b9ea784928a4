import { describe, expect, it } from "vitest";
import { passwordSignInAllowed } from "./password-login";
import { reauthVerdict } from "./reauth";
import { mappedGrants, planIdpGrants, type HeldGrant, type RoleMapping } from "./role-mapping";

const now = new Date("2026-12-02T10:00:00Z");
const secs = (d: Date) => Math.floor(d.getTime() / 1000);

describe("reauthVerdict", () => {
  it.each([
    ["a login just now", { sub: "s1", auth_time: secs(now) - 5 }, true, null],
    ["exactly two minutes ago", { sub: "s1", auth_time: secs(now) - 120 }, true, null],
    ["two minutes and a second ago", { sub: "s1", auth_time: secs(now) - 121 }, false, "stale"],
    [
      "an hour ago (the provider kept its session)",
      { sub: "s1", auth_time: secs(now) - 3600 },
      false,
      "stale",
    ],
    ["far in the future", { sub: "s1", auth_time: secs(now) + 600 }, false, "stale"],
    ["no auth_time", { sub: "s1" }, false, "no_auth_time"],
    ["auth_time as text", { sub: "s1", auth_time: String(secs(now)) }, false, "no_auth_time"],
    ["another subject", { sub: "s2", auth_time: secs(now) }, false, "other_subject"],
  ])("%s", (_label, claims, ok, code) => {
    const v = reauthVerdict(claims, "s1", now);
    expect(v.ok).toBe(ok);
    if (!v.ok) expect(v.code).toBe(code);
  });
});

describe("passwordSignInAllowed", () => {
  const user = { email: "a@x.test", isAdmin: false };
  const admin = { email: "root@x.test", isAdmin: true };
  it.each([
    ["on", user, null, true],
    ["admins", user, null, false],
    ["admins", admin, null, true],
    ["off", admin, null, false],
    ["off", admin, "root@x.test", true],
    ["off", { ...user, email: "root@x.test" }, "root@x.test", false],
    ["off", user, "a@x.test", false],
  ] as const)("%s, %o, break-glass %s → %s", (mode, u, glass, allowed) => {
    expect(passwordSignInAllowed(mode, u, glass)).toBe(allowed);
  });
});

describe("IdP role mapping", () => {
  const m = (value: string, siteId: string, role: RoleMapping["role"], claim = "groups"): RoleMapping => ({
    claim,
    value,
    siteId,
    role,
  });
  const mappings = [
    m("ot-safety-gcr", "gcr", "safety"),
    m("ot-ops", "gcr", "operations"),
    m("ot-ops", "rhp", "operations"),
    m("plant-safety", "gcr", "safety"),
    m("Approver", "rhp", "quality", "role"),
  ];

  it("matches list and single-valued claims exactly, one grant per site role with its first cause", () => {
    expect(
      mappedGrants(mappings, { groups: ["ot-ops", "plant-safety", "ot-safety-gcr"], role: "Approver" }),
    ).toEqual([
      { siteId: "gcr", role: "safety", cause: "groups=ot-safety-gcr" },
      { siteId: "gcr", role: "operations", cause: "groups=ot-ops" },
      { siteId: "rhp", role: "operations", cause: "groups=ot-ops" },
      { siteId: "rhp", role: "quality", cause: "role=Approver" },
    ]);
    expect(mappedGrants(mappings, { groups: ["OT-OPS"], role: ["approver"] })).toEqual([]);
    expect(mappedGrants(mappings, { groups: "ot-ops" })).toHaveLength(2);
    expect(mappedGrants(mappings, { groups: [1, null, { v: "ot-ops" }] })).toEqual([]);
    expect(mappedGrants(mappings, {})).toEqual([]);
  });

  it("plans additions and removals of IdP grants only; manual grants are never touched or duplicated", () => {
    const held: HeldGrant[] = [
      { siteId: "gcr", role: "safety", source: "manual", idpClaim: null },
      { siteId: "rhp", role: "operations", source: "idp", idpClaim: "groups=ot-ops" },
      { siteId: "rhp", role: "security", source: "idp", idpClaim: "groups=ot-sec" },
      { siteId: "rhp", role: "requester", source: "manual", idpClaim: null },
    ];
    const plan = planIdpGrants(held, [
      { siteId: "gcr", role: "safety", cause: "groups=ot-safety-gcr" },
      { siteId: "gcr", role: "operations", cause: "groups=ot-ops" },
      { siteId: "rhp", role: "operations", cause: "groups=plant-ops" },
    ]);
    expect(plan.add).toEqual([{ siteId: "gcr", role: "operations", cause: "groups=ot-ops" }]);
    expect(plan.remove).toEqual([
      { siteId: "rhp", role: "security", source: "idp", idpClaim: "groups=ot-sec" },
    ]);
    expect(plan.recause).toEqual([{ siteId: "rhp", role: "operations", cause: "groups=plant-ops" }]);
    expect(planIdpGrants(held, [])).toEqual({
      add: [],
      remove: held.filter((h) => h.source === "idp"),
      recause: [],
    });
  });
});

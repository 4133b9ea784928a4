import type { SiteRole } from "@/lib/domain/constants";

export interface RoleMapping {
  claim: string;
  value: string;
  siteId: string;
  role: SiteRole;
}

export interface IdpGrant {
  siteId: string;
  role: SiteRole;
  /** The claim and value that give it, as the trail names it: "groups=ot-safety-gcr". */
  cause: string;
}

const key = (g: { siteId: string; role: string }) => `${g.siteId}:${g.role}`;

/** A claim holds one value or a list of them (groups usually a list); anything else matches nothing. */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const v = claims[name];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return [];
}

/**
 * The site roles the provider's claims give, one per (site, role) with the first mapping (in the
 * order given) that caused it. Values compare exactly: `ot-safety-gcr` is not `OT-Safety-GCR`.
 */
export function mappedGrants(mappings: readonly RoleMapping[], claims: Record<string, unknown>): IdpGrant[] {
  const out = new Map<string, IdpGrant>();
  for (const m of mappings) {
    if (!claimValues(claims, m.claim).includes(m.value)) continue;
    const g = { siteId: m.siteId, role: m.role, cause: `${m.claim}=${m.value}` };
    if (!out.has(key(g))) out.set(key(g), g);
  }
  return [...out.values()];
}

export interface HeldGrant {
  siteId: string;
  role: SiteRole;
  source: "manual" | "idp";
  idpClaim: string | null;
}

export interface GrantPlan {
  add: IdpGrant[];
  /** IdP grants whose claim is gone (with the claim that had given them). */
  remove: HeldGrant[];
  /** IdP grants still given, now by another claim: the recorded cause is updated. */
  recause: IdpGrant[];
}

/**
 * Replaces the user's IdP-derived grants by the mapping's result and leaves manual grants alone:
 * a role the user holds by hand is neither added again nor removed.
 */
export function planIdpGrants(held: readonly HeldGrant[], desired: readonly IdpGrant[]): GrantPlan {
  const heldBy = new Map(held.map((h) => [key(h), h]));
  const wanted = new Map(desired.map((d) => [key(d), d]));
  return {
    add: desired.filter((d) => !heldBy.has(key(d))),
    remove: held.filter((h) => h.source === "idp" && !wanted.has(key(h))),
    recause: desired.filter((d) => {
      const h = heldBy.get(key(d));
      return h?.source === "idp" && h.idpClaim !== d.cause;
    }),
  };
}

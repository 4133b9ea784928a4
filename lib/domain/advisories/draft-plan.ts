// What change to draft for an advisory at one site: a vendor fix (security patch or firmware
// update) where one exists for the affected products, else a mitigation change.
import type { AssetKind, ChangeType } from "../constants";
import type { AdvisoryFacts, Remediation } from "./types";

/** Devices whose fix is a firmware image rather than a software patch. */
const FIRMWARE_KINDS: ReadonlySet<AssetKind> = new Set([
  "plc",
  "dcs_controller",
  "sis_logic_solver",
  "rtu",
  "network_switch",
  "firewall",
  "bas_controller",
]);

const NETWORK_WORDS = /\b(firewall|port|ports|block|network|segment|vpn|traffic|tcp|udp|isolat)/i;

export interface DraftAsset {
  kind: AssetKind;
  /** Product ids of the leaves that make it affected. */
  productIds: string[];
}

export interface DraftPlan {
  kind: "fix" | "mitigation";
  type: ChangeType;
  remediations: Remediation[];
}

export function remediationsFor(facts: AdvisoryFacts, productIds: ReadonlySet<string>): Remediation[] {
  const seen = new Set<string>();
  const out: Remediation[] = [];
  for (const v of facts.vulnerabilities)
    for (const r of v.remediations) {
      // A remediation naming no product is taken to concern every product of the advisory.
      if (r.productIds.length && !r.productIds.some((id) => productIds.has(id))) continue;
      const key = `${r.category}|${r.details.trim()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  return out;
}

export function draftPlan(facts: AdvisoryFacts, assets: readonly DraftAsset[]): DraftPlan {
  const ids = new Set(assets.flatMap((a) => a.productIds));
  const all = remediationsFor(facts, ids);
  const fixes = all.filter((r) => r.category === "vendor_fix");
  if (fixes.length) {
    const firmware = assets.length > 0 && assets.every((a) => FIRMWARE_KINDS.has(a.kind));
    return { kind: "fix", type: firmware ? "firmware_update" : "security_patch", remediations: fixes };
  }
  const mitigations = all.filter((r) => r.category === "mitigation" || r.category === "workaround");
  const network = mitigations.some((r) => NETWORK_WORDS.test(r.details));
  return {
    kind: "mitigation",
    type: network ? "firewall_rule" : "configuration",
    remediations: mitigations.length ? mitigations : all,
  };
}

import type { Actor } from "@/lib/auth/actor";
import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import type { ProposeModelInput } from "@/lib/schemas/catalog";
import { getModel } from "@/lib/services/catalog/get-model";
import { proposeModel } from "@/lib/services/catalog/propose-model";
import { signModel } from "@/lib/services/catalog/sign-model";
import { type SeedClock, type SeedStep, days, plus } from "./demo-clock";

/** Who proposes a site's models and who signs them for its change board (never the same person). */
const CATALOG_PEOPLE = {
  GCR: { proposer: "elena.brooks@gcr.demo", board: "victor.alvarez@gcr.demo" },
  RHP: { proposer: "felix.braun@rhp.demo", board: "ingrid.maier@rhp.demo" },
} as const;

/** The demo catalog; the standard demo changes name these keys (demo-changes-data `model`). */
export const DEMO_MODELS: Record<string, ProposeModelInput & { siteCode: keyof typeof CATALOG_PEOPLE }> = {
  "gcr-ips-signatures": {
    siteCode: "GCR",
    title: "IPS signature update on a cell firewall",
    description:
      "Load the vendor's current IPS signature package on an OT cell firewall. Rules and policies are not touched.",
    changeTypes: ["configuration"],
    assetKinds: ["firewall"],
    criticalities: ["supporting", "production_critical"],
    maxDowntimeMinutes: 0,
    requiresVendorQualified: true,
    testEvidence: "The vendor's release note for the signature package.",
    implementationPlanTemplate:
      "1. Save the running configuration.\n2. Load the signature package from the update server.\n3. Check the IPS engine status and the log for drops.",
    backoutPlanTemplate:
      "1. Roll back to the previous signature package.\n2. Restore the saved configuration if needed.",
  },
  "rhp-hmi-password": {
    siteCode: "RHP",
    title: "Quarterly local administrator password rotation on an HMI",
    description:
      "Rotate the local administrator password of an operator terminal through the password vault.",
    changeTypes: ["access"],
    assetKinds: ["hmi", "engineering_workstation"],
    criticalities: ["supporting", "production_critical"],
    maxDowntimeMinutes: 0,
    testEvidence: "",
    implementationPlanTemplate:
      "1. Check out the account in the vault.\n2. Rotate the password.\n3. Sign in once with the new password and check in.",
    backoutPlanTemplate: "1. Restore the previous password from the vault's history.",
  },
  "rhp-dmz-windows": {
    siteCode: "RHP",
    title: "Monthly Windows updates on a DMZ historian",
    description: "Install the month's qualified Microsoft updates on a historian in the industrial DMZ.",
    changeTypes: ["security_patch"],
    assetKinds: ["historian"],
    criticalities: ["supporting", "production_critical"],
    maxDowntimeMinutes: 120,
    requiresVendorQualified: true,
    testEvidence: "The historian vendor's compatibility list for the month's updates.",
    implementationPlanTemplate:
      "1. Snapshot the server.\n2. Install the updates.\n3. Reboot; check the PI services and the replication backlog.",
    backoutPlanTemplate: "1. Revert to the snapshot.\n2. Check the replication catches up.",
  },
};

/**
 * Proposes and approves the demo catalog well before the first standard demo change is filed, and
 * fills `versionIds` (model key → approved version id) for the changes to name.
 */
export function planDemoCatalog(
  clock: SeedClock,
  people: Record<string, Actor>,
  versionIds: Map<string, string>,
): SeedStep[] {
  const steps: SeedStep[] = [];
  let seq = 0;
  const start = plus(clock.now, -days(110));
  Object.entries(DEMO_MODELS).forEach(([key, input], i) => {
    const who = CATALOG_PEOPLE[input.siteCode];
    const modelId = { value: "" };
    steps.push({
      at: plus(start, i * 3_600_000),
      seq: seq++,
      key: `catalog:${key}`,
      run: async () => {
        modelId.value = (await proposeModel(people[who.proposer]!, input)).id;
      },
    });
    steps.push({
      at: plus(start, days(2) + i * 3_600_000),
      seq: seq++,
      key: `catalog:${key}`,
      run: async () => {
        const board = people[who.board]!;
        const pending = (await getModel(board, modelId.value)).versions.find((v) => v.state === "proposed")!;
        const signed = await signModel(board, modelId.value, {
          decision: "approve",
          password: DEMO_PASSWORD,
          contentHash: pending.contentHash,
          comment: "Reviewed at the change board: low risk, repeatable, backout proven.",
        });
        versionIds.set(key, signed.approvedVersionId!);
      },
    });
  });
  return steps;
}

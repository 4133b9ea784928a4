// Standard change models for the tests: proposed by one change manager, signed by another.
import type { Actor } from "@/lib/auth/actor";
import type { ModelContentInput } from "@/lib/schemas/catalog";
import { getModel } from "@/lib/services/catalog/get-model";
import { proposeModel } from "@/lib/services/catalog/propose-model";
import { signModel } from "@/lib/services/catalog/sign-model";
import { PASSWORD, makeUser } from "../fixtures";

export const MODEL_CONTENT = {
  title: "Monthly security patch on a supporting controller",
  description: "Install the vendor-qualified monthly patch on a supporting PLC or HMI.",
  changeTypes: ["security_patch", "firmware_update"],
  assetKinds: ["plc", "hmi"],
  criticalities: ["supporting"],
  maxDowntimeMinutes: 30,
  requiresVendorQualified: true,
  testEvidence: "Vendor qualification notice",
  implementationPlanTemplate: "1. Back up the project.\n2. Install the patch.\n3. Verify.",
  backoutPlanTemplate: "1. Restore the backup.",
} satisfies ModelContentInput;

/** Two change managers of a site: one proposes, the other signs for the board. */
export async function catalogPeople(site: string) {
  return {
    proposer: await makeUser([`${site}:change_manager`], { name: "Paula Proposer" }),
    board: await makeUser([`${site}:change_manager`], { name: "Bert Board" }),
  };
}

/** The board's signature over the version awaiting it, as the model page shows it. */
export async function signPending(actor: Actor, modelId: string, decision: "approve" | "reject" = "approve") {
  const view = await getModel(actor, modelId);
  const pending = view.versions.find((v) => v.state === "proposed");
  return signModel(actor, modelId, {
    decision,
    password: PASSWORD,
    contentHash: pending?.contentHash ?? "0".repeat(64),
    comment: decision === "reject" ? "Too broad." : "",
  });
}

export async function approvedModel(
  site: string,
  people: Awaited<ReturnType<typeof catalogPeople>>,
  overrides: Partial<ModelContentInput> = {},
) {
  const proposed = await proposeModel(people.proposer.actor, {
    siteCode: site,
    ...MODEL_CONTENT,
    ...overrides,
  });
  const approved = await signPending(people.board.actor, proposed.id);
  return { model: approved, versionId: approved.approvedVersionId! };
}

import { describe, expect, it } from "vitest";
import { canSignModel, type ModelSigner, type SignableVersion } from "./signing";

const V: SignableVersion = {
  siteId: "s1",
  siteName: "Refinery",
  state: "proposed",
  proposedBy: "u-prop",
  retired: false,
};
const BOARD: ModelSigner = { userId: "u-board", grants: [{ siteId: "s1", role: "change_manager" }] };

describe("canSignModel", () => {
  it.each<[string, ModelSigner, Partial<SignableVersion>, string | null]>([
    ["a change manager of the site", BOARD, {}, null],
    ["the proposer", { ...BOARD, userId: "u-prop" }, {}, "proposer"],
    [
      "a change manager elsewhere",
      { ...BOARD, grants: [{ siteId: "s2", role: "change_manager" }] },
      {},
      "no_role",
    ],
    [
      "a security approver of the site",
      { ...BOARD, grants: [{ siteId: "s1", role: "security" }] },
      {},
      "no_role",
    ],
    ["nothing awaiting", BOARD, { state: "approved" }, "state"],
    ["retired model", BOARD, { retired: true }, "state"],
  ])("%s", (_name, signer, v, code) => {
    const verdict = canSignModel(signer, { ...V, ...v });
    expect(verdict.ok ? null : verdict.code).toBe(code);
  });
});

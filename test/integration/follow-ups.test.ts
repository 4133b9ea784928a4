// A failed or rolled-back change is followed by a new change that names it (PRODUCT.md "Change
// lifecycle"): the rule on what may be named, and the two-way link each change view shows.
import { beforeAll, describe, expect, it } from "vitest";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { changeWorld, draft, errorOf, sign, type World } from "./changes-helpers";

let w: World;
beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
}, 180_000);

/** A change on `assetId` taken through approval and start to the outcome given. */
async function ended(assetId: string, outcome: "failed" | "rolled_back", site: "A" | "B" = "A") {
  const { requester, implementer } = w.people;
  const c = await createChange(requester.actor, draft(w, [assetId]));
  await submitChange(requester.actor, c.id);
  await sign(site === "A" ? w.people.opsA.actor : w.people.opsB.actor, c.id, "operations");
  await sign(site === "A" ? w.people.securityA.actor : w.people.securityB.actor, c.id, "security");
  await startChange(implementer.actor, c.id);
  return completeChange(implementer.actor, c.id, { outcome, notes: "Controller did not come back" });
}

describe("follow-up changes", () => {
  it("names a failed change, and each view links the other", async () => {
    const { requester, auditor } = w.people;
    const failed = await ended(w.assets.plc.id, "failed");
    const next = await createChange(requester.actor, {
      ...draft(w, [w.assets.plc.id]),
      title: "Retry the firmware update with the vendor's fixed image",
      followsChangeId: failed.id,
    });
    expect(next.followsChangeId).toBe(failed.id);
    expect(next.follows).toEqual({
      id: failed.id,
      number: failed.number,
      title: failed.title,
      state: "failed",
    });
    expect(next.followedBy).toEqual([]);
    const back = await getChange(auditor.actor, failed.id);
    expect(back.follows).toBeNull();
    expect(back.followedBy).toEqual([
      { id: next.id, number: next.number, title: next.title, state: "draft" },
    ]);
  });

  it("refuses to name a change that did not fail or roll back, saying why, and saves nothing", async () => {
    const { requester } = w.people;
    const open = await createChange(requester.actor, draft(w, [w.assets.plc2.id]));
    const e = await errorOf(
      createChange(requester.actor, { ...draft(w, [w.assets.plc2.id]), followsChangeId: open.id }),
    );
    expect(e.code).toBe("invalid");
    expect(e.message).toBe(
      `${open.number} cannot be followed up. A follow-up names a change that failed or was rolled back; its state is Draft.`,
    );
    expect(e.details?.errors).toEqual([expect.objectContaining({ path: "followsChangeId" })]);
    expect((await getChange(requester.actor, open.id)).followedBy).toEqual([]);
    // Editing a draft to name one is held to the same rule.
    const other = await createChange(requester.actor, draft(w, [w.assets.plc2.id]));
    const edit = await errorOf(
      updateChange(requester.actor, other.id, { followsChangeId: open.id }, other.version),
    );
    expect(edit.code).toBe("invalid");
    expect((await getChange(requester.actor, other.id)).followsChangeId).toBeNull();
  });

  it("treats a change at a site the requester may not see as not found, and the view leaves it out", async () => {
    const { requester, onlyA } = w.people;
    const atB = await ended(w.assets.plcB.id, "rolled_back", "B");
    const e = await errorOf(
      createChange(onlyA.actor, { ...draft(w, [w.assets.plc.id]), followsChangeId: atB.id }),
    );
    expect(e.message).toBe("The change this one follows was not found.");
    // A requester at both sites names it; a reader of site A alone sees the follow-up without the link.
    const next = await createChange(requester.actor, {
      ...draft(w, [w.assets.plc.id]),
      followsChangeId: atB.id,
    });
    const seenFromA = await getChange(onlyA.actor, next.id);
    expect(seenFromA.followsChangeId).toBe(atB.id);
    expect(seenFromA.follows).toBeNull();
    expect((await getChange(requester.actor, atB.id)).followedBy.map((c) => c.id)).toEqual([next.id]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { createChange } from "@/lib/services/changes/create";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { changeWorld, draft, type World } from "./changes-helpers";

let w: World;

beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
});

describe("vendor qualification (supply chain)", () => {
  it("a patch or firmware update the vendor has not qualified cannot be a standard change", async () => {
    const actor = w.people.requester.actor;
    for (const type of ["security_patch", "firmware_update"] as const)
      await expect(
        createChange(actor, draft(w, [w.assets.plc.id], { type, class: "standard", vendorQualified: false })),
      ).rejects.toMatchObject({
        code: "invalid",
        message: expect.stringMatching(/cannot be a standard change/),
      });
    const qualified = await createChange(
      actor,
      draft(w, [w.assets.plc.id], { class: "standard", vendorQualified: true }),
    );
    expect(qualified.class).toBe("standard");
    const other = await createChange(
      actor,
      draft(w, [w.assets.plc.id], { type: "configuration", class: "standard", vendorQualified: false }),
    );
    expect(other.class).toBe("standard");
    // Editing either field into the forbidden combination is refused too.
    await expect(
      updateChange(actor, qualified.id, { vendorQualified: false }, qualified.version),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    const normal = await createChange(actor, draft(w, [w.assets.plc.id], { vendorQualified: false }));
    await expect(updateChange(actor, normal.id, { class: "standard" }, normal.version)).rejects.toMatchObject(
      {
        code: "invalid",
      },
    );
  });
});

// The asset page lists the changes that affect the asset: the change list filtered by asset,
// within the reader's sites like every list.
import { beforeAll, describe, expect, it } from "vitest";
import { OPEN_STATES } from "@/lib/domain/changes/state-machine";
import { cancelChange } from "@/lib/services/changes/cancel";
import { countChanges } from "@/lib/services/changes/count";
import { createChange } from "@/lib/services/changes/create";
import { listChanges } from "@/lib/services/changes/list";
import { useTestDatabase } from "../db";
import { changeWorld, draft, type World } from "./changes-helpers";

let w: World;
beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
}, 180_000);

describe("listChanges by asset", () => {
  it("lists only the changes that affect the asset", async () => {
    const req = w.people.requester.actor;
    const one = await createChange(req, draft(w, [w.assets.plc.id], { title: "Only PLC-101" }));
    const both = await createChange(req, draft(w, [w.assets.plc.id, w.assets.plc2.id], { title: "Both" }));
    await createChange(req, draft(w, [w.assets.plc2.id], { title: "Only PLC-102" }));

    const page = await listChanges(req, { asset: w.assets.plc.id });
    expect(page.items.map((c) => c.id).sort()).toEqual([one.id, both.id].sort());
    // A reader without a role at the asset's site sees none of them.
    const elsewhere = await listChanges(w.people.opsB.actor, { asset: w.assets.plc.id });
    expect(elsewhere.items).toEqual([]);
  });

  it("counts the asset's open changes with the list's filters and visibility (the asset page's header)", async () => {
    const req = w.people.requester.actor;
    const open = { asset: w.assets.sis.id, state: [...OPEN_STATES] };
    expect(await countChanges(req, open)).toBe(0);
    const a = await createChange(req, draft(w, [w.assets.sis.id], { title: "Firewall rule A" }));
    await createChange(req, draft(w, [w.assets.sis.id, w.assets.plc.id], { title: "Firewall rule B" }));
    expect(await countChanges(req, open)).toBe(2);
    await cancelChange(req, a.id, { reason: "Folded into rule B" });
    expect(await countChanges(req, open)).toBe(1);
    expect(await countChanges(req, { asset: w.assets.sis.id })).toBe(2);
    expect(await countChanges(w.people.opsB.actor, open)).toBe(0);
  });

  it("refuses an asset that is not an id", async () => {
    await expect(listChanges(w.people.requester.actor, { asset: "PLC-101" })).rejects.toMatchObject({
      code: "invalid",
    });
  });
});

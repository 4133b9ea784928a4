import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import { listAuditEvents } from "@/lib/services/audit";
import { createChange } from "@/lib/services/changes/create";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { changeWorld, draft, type World } from "./changes-helpers";

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; name?: string }) => (e.name === "ZodError" ? "invalid" : e.code),
  );

let w: World;
let number: string;
let changeId: string;
beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
  const c = await createChange(w.people.requester.actor, draft(w, [w.assets.plc.id]));
  number = c.number;
  changeId = c.id;
  await updateChange(w.people.requester.actor, c.id, { title: "Flash PLC-101 with 4.2" }, c.version);
});

const list = (input: Record<string, string>) =>
  listAuditEvents(w.people.auditor.actor, { limit: 100, ...input });

describe("the explorer finds objects by what people call them", () => {
  it("finds a change's events by its number, in any letter case", async () => {
    const page = await list({ ref: number.toLowerCase() });
    expect(page.items.map((e) => e.action).reverse()).toEqual(["change.create", "change.update"]);
    expect(page.items.every((e) => e.objectId === changeId && e.objectLabel === number)).toBe(true);
  });

  it("finds an asset's events by its tag, and any object by its id", async () => {
    const byTag = await list({ ref: "plc-101" });
    expect(byTag.items.map((e) => e.action)).toEqual(["asset.create"]);
    expect(byTag.items[0]!.objectLabel).toBe("PLC-101");
    expect((await list({ ref: changeId })).items).toHaveLength(2);
  });

  it("answers 404 for a change number that does not exist or is not visible", async () => {
    expect(await codeOf(list({ ref: "CHG-1999-99999" }))).toBe("not_found");
    const outsider = await makeUser(["PLB:auditor"]);
    expect(await codeOf(listAuditEvents(outsider.actor, { ref: number }))).toBe("not_found");
  });

  it("searches reasons for free text, taking % and _ literally", async () => {
    const db = await getDb();
    await db.transaction((tx) =>
      appendAudit(tx, w.people.opsA.actor, {
        action: "change.cancel",
        objectType: "change",
        objectId: changeId,
        siteId: w.siteA.id,
        before: { state: "draft", version: 1 },
        after: { number, state: "cancelled", version: 2 },
        reason: "Vendor says 100% UNSAFE on rev B",
      }),
    );
    expect((await list({ q: "100% unsafe" })).items.map((e) => e.action)).toEqual(["change.cancel"]);
    expect((await list({ q: "100_ unsafe" })).items).toEqual([]);
    expect((await list({ q: "100% unsafe", ref: number })).items).toHaveLength(1);
  });

  it("refuses a reference combined with an object type, and unknown sites", async () => {
    expect(await codeOf(list({ ref: number, objectType: "change" }))).toBe("invalid");
    expect(await codeOf(list({ site: "NOPE" }))).toBe("not_found");
  });
});

// Who can help: the people a refusal names are only those at sites the reader may see.
import { beforeAll, describe, expect, it } from "vitest";
import { listSiteContacts } from "@/lib/services/sites/list-contacts";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let a: Awaited<ReturnType<typeof makeSite>>;
let b: Awaited<ReturnType<typeof makeSite>>;
beforeAll(async () => {
  await useTestDatabase();
  a = await makeSite("HLA");
  b = await makeSite("HLB", "Europe/Berlin");
}, 120_000);

describe("listSiteContacts", () => {
  it("names the holders of the asked roles at visible sites only", async () => {
    const managerA = await makeUser(["HLA:change_manager"], { name: "Ann Manager" });
    await makeUser(["HLB:change_manager"], { name: "Bert Manager" });
    await makeUser(["HLA:operations"], { name: "Olga Operator" });
    const requesterA = await makeUser(["HLA:requester"]);

    const seen = await listSiteContacts(requesterA.actor, [a.id, b.id], ["change_manager"]);
    expect(seen).toEqual([
      { siteCode: "HLA", role: "change_manager", name: "Ann Manager", email: managerA.email },
    ]);

    const ops = await listSiteContacts(requesterA.actor, [a.id], ["operations", "change_manager"]);
    expect(ops.map((c) => c.name).sort()).toEqual(["Ann Manager", "Olga Operator"]);
  });

  it("tells a person without a role at the site nothing", async () => {
    const elsewhere = await makeUser(["HLB:requester"]);
    expect(await listSiteContacts(elsewhere.actor, [a.id], ["change_manager"])).toEqual([]);
    expect(await listSiteContacts(elsewhere.actor, [b.id], [])).toEqual([]);
  });
});

import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as detailGET } from "@/app/api/v1/advisories/[id]/route";
import { POST as draftPOST } from "@/app/api/v1/advisories/[id]/draft-changes/route";
import { POST as importPOST } from "@/app/api/v1/advisories/import/route";
import { GET as listGET } from "@/app/api/v1/advisories/route";
import { POST as kevPOST } from "@/app/api/v1/kev/import/route";
import { getDb } from "@/db/client";
import { advisories, advisoryRevisions, auditEvents, kevCatalogs, kevEntries } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { csaf, csafText, kevText } from "./advisories-helpers";
import { call, expectJson, expectProblem } from "./api-helpers";

let security: string, requester: string;

beforeAll(async () => {
  await useTestDatabase();
  // The inventory is what intake matches against; the demo's history and advisories are not needed.
  await seedDemo({ plantOnly: true });
  security = (await createToken((await makeUser(["GCR:security", "RHP:security"])).actor, { name: "s" }))
    .token;
  requester = (await createToken((await makeUser(["GCR:requester"])).actor, { name: "r" })).token;
}, 120_000);

const post = (handler: typeof importPOST, path: string, body: string, token = security) =>
  call(handler, { method: "POST", path, body, token });

async function counts() {
  const db = await getDb();
  const n = async (
    t:
      | typeof advisories
      | typeof advisoryRevisions
      | typeof kevEntries
      | typeof kevCatalogs
      | typeof auditEvents,
  ) => (await db.select({ n: count() }).from(t))[0]!.n;
  return [
    await n(advisories),
    await n(advisoryRevisions),
    await n(kevEntries),
    await n(kevCatalogs),
    await n(auditEvents),
  ];
}

describe("advisory intake API", () => {
  it("refuses each bad input plainly and imports nothing", async () => {
    const before = await counts();
    const text = csafText("icsa-23-206-03");
    const noProducts = csaf("icsa-23-206-03");
    noProducts.product_tree = { branches: [] };
    for (const v of noProducts.vulnerabilities) {
      delete v.product_status;
      delete v.remediations;
      delete v.scores;
    }
    const cases: [string, string, RegExp][] = [
      ["not JSON", "<html>Advisory</html>", /not JSON/],
      ["JSON that is not CSAF", JSON.stringify({ hello: "world" }), /not a CSAF 2\.0 advisory/],
      [
        "CSAF without a required field",
        JSON.stringify({ document: { title: "x" } }),
        /not a valid CSAF 2\.0 advisory/,
      ],
      ["a truncated file", text.slice(0, Math.floor(text.length / 2)), /truncated/],
      ["an empty product tree", JSON.stringify(noProducts), /product/i],
    ];
    for (const [label, body, detail] of cases) {
      const problem = await expectProblem(await post(importPOST, "/api/v1/advisories/import", body), 422);
      expect(problem.detail, label).toMatch(detail);
    }
    const huge = "x".repeat(50 * 1024 * 1024);
    const big = await expectProblem(await post(importPOST, "/api/v1/advisories/import", huge), 413);
    expect(big.detail).toMatch(/larger than 10 MB/);

    const notCatalog = await expectProblem(await post(kevPOST, "/api/v1/kev/import", text), 422);
    expect(notCatalog.detail).toMatch(/not CISA's KEV catalog/);
    const catalog = JSON.parse(kevText());
    catalog.vulnerabilities = catalog.vulnerabilities.slice(0, 10);
    const cut = await expectProblem(await post(kevPOST, "/api/v1/kev/import", JSON.stringify(catalog)), 422);
    expect(cut.detail).toMatch(/incomplete/);
    const badEntry = JSON.parse(kevText());
    badEntry.vulnerabilities[5].cveID = "not a cve";
    await expectProblem(await post(kevPOST, "/api/v1/kev/import", JSON.stringify(badEntry)), 422);

    expect(await counts()).toEqual(before);
  });

  it("imports by API, lists, shows and drafts; a requester may not import", async () => {
    await expectProblem(
      await post(importPOST, "/api/v1/advisories/import", csafText("icsa-23-227-01"), requester),
      403,
    );
    const res = await post(importPOST, "/api/v1/advisories/import", csafText("icsa-23-227-01"));
    expect(res.status).toBe(201);
    const body = await expectJson(res);
    const advisory = body.advisory as { id: string; trackingId: string; cves: string[] };
    expect(advisory.trackingId).toBe("ICSA-23-227-01");
    const matches = body.matches as { assetId: string; siteCode: string; status: string; reason: string }[];
    expect(matches.filter((m) => m.status === "affected").map((m) => m.siteCode)).toEqual(["GCR", "GCR"]);
    expect((await post(importPOST, "/api/v1/advisories/import", csafText("icsa-23-227-01"))).status).toBe(
      200,
    );

    const kev = await post(kevPOST, "/api/v1/kev/import", kevText());
    expect(kev.status).toBe(201);
    expect(await expectJson(kev)).toMatchObject({ catalogVersion: "2025.08.25", count: 1404 });

    const list = await expectJson(
      await call(listGET, { method: "GET", path: "/api/v1/advisories?site=GCR", token: security }),
    );
    expect((list.items as { trackingId: string }[]).map((i) => i.trackingId)).toEqual(["ICSA-23-227-01"]);
    const detail = await expectJson(
      await call(detailGET, {
        method: "GET",
        path: `/api/v1/advisories/${advisory.id}`,
        params: { id: advisory.id },
        token: security,
      }),
    );
    expect(detail).toMatchObject({ trackingId: "ICSA-23-227-01", status: "decision_due", overdue: false });
    expect((detail.cves as { cve: string; cvss: number | null; knownExploited: boolean }[])[0]).toMatchObject(
      {
        cvss: expect.any(Number),
        knownExploited: false,
      },
    );
    await expectProblem(
      await call(detailGET, {
        method: "GET",
        path: "/api/v1/advisories/x",
        params: { id: "nope" },
        token: security,
      }),
      404,
    );

    const drafted = await call(draftPOST, {
      method: "POST",
      path: `/api/v1/advisories/${advisory.id}/draft-changes`,
      params: { id: advisory.id },
      token: requester,
    });
    expect(drafted.status).toBe(201);
    const { changes } = (await expectJson(drafted)) as {
      changes: { number: string; assetIds: string[]; state: string }[];
    };
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ state: "draft" });
    expect(changes[0]!.assetIds.sort()).toEqual(
      matches
        .filter((m) => m.status === "affected")
        .map((m) => m.assetId)
        .sort(),
    );
  });
});

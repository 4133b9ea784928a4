import { and, count, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { assets, auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { ASSET_SORTS } from "@/lib/schemas/assets";
import { createAsset } from "@/lib/services/assets/create";
import { exportAssetsCsv } from "@/lib/services/assets/export";
import { assetsByIds } from "@/lib/services/assets/get-many";
import { getAsset } from "@/lib/services/assets/get";
import { searchAssets } from "@/lib/services/assets/search";
import { assetHistory } from "@/lib/services/assets/history";
import { importAssetsCsv } from "@/lib/services/assets/import";
import { listAssets } from "@/lib/services/assets/list";
import { updateAsset } from "@/lib/services/assets/update";
import type { AssetView } from "@/lib/services/assets/view";
import { ServiceError } from "@/lib/services/base/errors";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let db: Db;
let reqA: Actor, reqB: Actor, auditorA: Actor, opsA: Actor, cmBoth: Actor, nobody: Actor;
let assetA: AssetView, assetB: AssetView;

const HEADER =
  "tag,name,kind,areaCode,vendor,product,modelNumber,version,purdueLevel,zone,criticality,safetyRelated,gxp,redundancyGroup";

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "allowed";
  } catch (e) {
    if (e instanceof ServiceError) return e.code;
    throw e;
  }
}

async function caught(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected a ServiceError");
}

const assetCount = async (siteCode?: string) => {
  const rows = await db.select({ n: count() }).from(assets);
  return siteCode ? (await listAssets(cmBoth, { site: siteCode, limit: 500 })).items.length : rows[0]!.n;
};

beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("ASA", "America/Chicago", ["U1", "U2"]);
  await makeSite("ASB", "Europe/Berlin", ["B1"]);
  reqA = (await makeUser(["ASA:requester"], { name: "Rita Requester" })).actor;
  reqB = (await makeUser(["ASB:requester"])).actor;
  auditorA = (await makeUser(["ASA:auditor"])).actor;
  opsA = (await makeUser(["ASA:operations"])).actor;
  cmBoth = (await makeUser(["ASA:change_manager", "ASB:change_manager"])).actor;
  nobody = (await makeUser([])).actor;
  assetA = await createAsset(reqA, {
    siteCode: "ASA",
    areaCode: "u1",
    tag: "PLC-101A",
    name: "Unit 1 PLC A",
    kind: "plc",
    criticality: "production_critical",
    vendor: "Siemens",
    purdueLevel: 1,
    redundancyGroup: "U1-PLC",
  });
  assetB = await createAsset(reqB, {
    siteCode: "ASB",
    areaCode: "B1",
    tag: "PLC-101A",
    name: "Same tag at B",
    kind: "plc",
    criticality: "supporting",
  });
});

describe("asset permissions", () => {
  it("creates with a site-scoped role and audits the creation", async () => {
    expect(assetA).toMatchObject({
      siteCode: "ASA",
      areaCode: "U1",
      tag: "PLC-101A",
      purdueLevel: 1,
      rowVersion: 1,
      redundancyGroup: "U1-PLC",
    });
    const history = await assetHistory(reqA, assetA.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: "asset.create",
      actorName: "Rita Requester",
      after: expect.objectContaining({ tag: "PLC-101A", siteCode: "ASA" }),
    });
  });

  it("refuses every write to an actor without the right role", async () => {
    const input = { siteCode: "ASA", tag: "X-1", name: "x", kind: "plc", criticality: "supporting" };
    expect(await refusal(createAsset(auditorA, input))).toBe("forbidden");
    expect(await refusal(createAsset(opsA, input))).toBe("forbidden");
    expect(await refusal(createAsset(nobody, input))).toBe("forbidden");
    expect(await refusal(updateAsset(auditorA, assetA.id, { name: "hacked" }))).toBe("forbidden");
    expect(await refusal(updateAsset(opsA, assetA.id, { name: "hacked" }))).toBe("forbidden");
    expect(await refusal(updateAsset(nobody, assetA.id, { name: "hacked" }))).toBe("not_found");
    const csv = `${HEADER}\nX-2,x,plc,,,,,,,,supporting,,,`;
    expect(await refusal(importAssetsCsv(opsA, { siteCode: "ASA", csvText: csv }))).toBe("forbidden");
    expect(await refusal(importAssetsCsv(auditorA, { siteCode: "ASA", csvText: csv, dryRun: true }))).toBe(
      "forbidden",
    );
    expect(await refusal(exportAssetsCsv(nobody, {}))).toBe("forbidden");
    expect(await refusal(assetHistory(nobody, assetA.id))).toBe("not_found");
    expect((await getAsset(reqA, assetA.id)).name).toBe("Unit 1 PLC A");
    expect((await listAssets(nobody, {})).items).toEqual([]);
    expect(await searchAssets(nobody, "PLC")).toEqual([]);
  });

  it("answers 404 for another site's asset and never lists it", async () => {
    expect(await refusal(getAsset(reqB, assetA.id))).toBe("not_found");
    expect(await refusal(updateAsset(reqB, assetA.id, { name: "x" }))).toBe("not_found");
    expect(await refusal(assetHistory(reqB, assetA.id))).toBe("not_found");
    expect(
      await refusal(
        createAsset(reqB, { siteCode: "ASA", tag: "X-3", name: "x", kind: "plc", criticality: "supporting" }),
      ),
    ).toBe("not_found");
    expect(
      await refusal(
        importAssetsCsv(reqB, { siteCode: "ASA", csvText: `${HEADER}\nX-4,x,plc,,,,,,,,supporting,,,` }),
      ),
    ).toBe("not_found");
    expect(await refusal(getAsset(reqA, "not-a-uuid"))).toBe("not_found");
    expect(await refusal(getAsset(reqA, "00000000-0000-4000-8000-000000000000"))).toBe("not_found");
    const listB = await listAssets(reqB, { limit: 500 });
    expect(listB.items.map((a) => a.siteCode)).toEqual(["ASB"]);
    expect((await listAssets(reqB, { site: "ASA" })).items).toEqual([]);
    expect((await listAssets(reqA, { q: "PLC-101A" })).items.map((a) => a.id)).toEqual([assetA.id]);
    expect((await searchAssets(reqB, "PLC-101A")).map((a) => a.id)).toEqual([assetB.id]);
    expect((await assetsByIds(reqB, [assetA.id, assetB.id, "junk"])).map((a) => a.id)).toEqual([assetB.id]);
    expect((await assetsByIds(cmBoth, [assetB.id, assetA.id])).map((a) => a.id)).toEqual([
      assetB.id,
      assetA.id,
    ]);
    const csv = await exportAssetsCsv(reqB, {});
    expect(csv).not.toContain("Unit 1 PLC A");
    expect(csv).toContain("Same tag at B");
  });

  it("refuses a duplicate tag at the same site, case-insensitively, and an unknown area", async () => {
    const dup = await caught(
      createAsset(reqA, {
        siteCode: "ASA",
        tag: "plc-101a",
        name: "dup",
        kind: "plc",
        criticality: "supporting",
      }),
    );
    expect(dup.code).toBe("conflict");
    expect(dup.details.errors).toEqual([
      { path: "tag", message: expect.stringMatching(/already has an asset tagged PLC-101A/) },
    ]);
    const area = await caught(
      createAsset(reqA, {
        siteCode: "ASA",
        areaCode: "B1",
        tag: "X-5",
        name: "x",
        kind: "plc",
        criticality: "supporting",
      }),
    );
    expect(area.code).toBe("invalid");
    expect(area.details.errors).toEqual([{ path: "areaCode", message: "Site ASA has no area B1." }]);
    const bad = await caught(
      createAsset(reqA, {
        siteCode: "ASA",
        tag: "X 5",
        name: "",
        kind: "robot",
        criticality: "supporting",
        purdueLevel: 2.5,
      }),
    );
    expect(bad.code).toBe("invalid");
    expect(bad.details.errors?.map((e) => e.path).sort()).toEqual(["kind", "name", "purdueLevel", "tag"]);
  });
});

describe("optimistic concurrency", () => {
  it("refuses a stale edit with who and when, and loses nothing", async () => {
    const a = await createAsset(reqA, {
      siteCode: "ASA",
      tag: "HMI-7",
      name: "Console 7",
      kind: "hmi",
      criticality: "supporting",
      version: "R510",
    });
    const first = await updateAsset(reqA, a.id, { version: "R511", zone: "Ops" }, a.rowVersion);
    expect(first).toMatchObject({ version: "R511", zone: "Ops", rowVersion: 2 });
    const stale = await caught(updateAsset(cmBoth, a.id, { version: "R520" }, a.rowVersion));
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/^Changed by Rita Requester at \d+ \w{3} \d{4}, \d\d:\d\d C[DS]T/);
    // The stale-edit shape every object shares, and the deprecated v1 names next to it.
    expect(stale.details).toMatchObject({
      currentVersion: 2,
      updatedByName: "Rita Requester",
      updatedAt: expect.stringMatching(/Z$/),
      currentRowVersion: 2,
      changedBy: { name: "Rita Requester" },
    });
    const stale2 = await caught(updateAsset(cmBoth, a.id, { version: "R520", rowVersion: 1 }));
    expect(stale2.code).toBe("conflict");
    expect(await getAsset(reqA, a.id)).toMatchObject({ version: "R511", zone: "Ops", rowVersion: 2 });
    const history = await assetHistory(reqA, a.id);
    expect(history[0]).toMatchObject({
      action: "asset.update",
      before: { version: "R510", zone: "" },
      after: { version: "R511", zone: "Ops" },
    });
    const fresh = await updateAsset(cmBoth, a.id, { version: "R520" }, 2);
    expect(fresh.rowVersion).toBe(3);
  });

  it("lets exactly one of two concurrent edits of the same version win", async () => {
    const a = await createAsset(reqA, {
      siteCode: "ASA",
      tag: "PLC-9",
      name: "Nine",
      kind: "plc",
      criticality: "supporting",
    });
    const results = await Promise.allSettled([
      updateAsset(reqA, a.id, { name: "Nine (reqA)" }, 1),
      updateAsset(cmBoth, a.id, { name: "Nine (cm)" }, 1),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ServiceError).code).toBe("conflict");
    expect((await getAsset(reqA, a.id)).rowVersion).toBe(2);
  });

  it("writes nothing and audits nothing when an edit changes nothing", async () => {
    const before = await getAsset(reqA, assetA.id);
    const same = await updateAsset(reqA, assetA.id, { name: before.name, areaCode: "u1" }, before.rowVersion);
    expect(same.rowVersion).toBe(before.rowVersion);
    expect(await refusal(updateAsset(reqA, assetA.id, { siteCode: "ASB" }))).toBe("invalid");
    expect(await refusal(updateAsset(reqA, assetA.id, { tag: "plc-9" }))).toBe("conflict");
  });
});

describe("CSV import", () => {
  const rows = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${prefix}-${String(i).padStart(3, "0")},Device ${i},${i % 2 ? "plc" : "hmi"},${i % 3 ? "U1" : "U2"},Rockwell,ControlLogix,1756-L83E,33.011,${i % 4 === 0 ? "3.5" : "1"},Z,${["supporting", "production_critical", "safety_critical"][i % 3]},${i % 5 === 0 ? "yes" : "no"},no,`,
    );

  it("with one bad row writes nothing and names line and column", async () => {
    const before = await assetCount();
    const auditsBefore = (await db.select({ n: count() }).from(auditEvents))[0]!.n;
    const good = rows(4, "IMP");
    const lines = [
      HEADER,
      ...good.slice(0, 2),
      good[2]!.replace(",U1,", ",ZZ,"),
      good[3]!,
      good[0]!.replace("IMP-000", "imp-000"),
      `PLC-101A,Existing,plc,,,,,,,,supporting,,,`,
    ];
    const csv = lines.join("\n");
    const dry = await importAssetsCsv(reqA, { siteCode: "ASA", csvText: csv, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, ok: false, rowCount: 6, validCount: 3, created: 0 });
    expect(dry.errors).toEqual([
      {
        line: 4,
        column: "areaCode",
        message: expect.stringMatching(/^Site ASA has no area ZZ\. Known areas: U1, U2\./),
      },
      { line: 6, column: "tag", message: "Tag imp-000 already appears on line 2 of this file." },
      { line: 7, column: "tag", message: "Site ASA already has an asset tagged PLC-101A." },
    ]);
    const err = await caught(importAssetsCsv(reqA, { siteCode: "ASA", csvText: csv }));
    expect(err.code).toBe("invalid");
    expect(err.message).toBe("Nothing was imported: 3 problems in 3 rows of the file.");
    expect(err.details.errors).toEqual([
      { path: "line 4 · areaCode", message: expect.any(String) },
      { path: "line 6 · tag", message: expect.any(String) },
      { path: "line 7 · tag", message: expect.any(String) },
    ]);
    expect(await assetCount()).toBe(before);
    expect((await db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(auditsBefore);
  });

  it("then a good file writes every row and audits the import with every asset's values", async () => {
    const before = await assetCount("ASA");
    const csv = [HEADER, ...rows(30, "IMP")].join("\r\n");
    const dry = await importAssetsCsv(reqA, { siteCode: "asa", csvText: csv, dryRun: true });
    expect(dry).toMatchObject({ ok: true, rowCount: 30, validCount: 30, created: 0, errors: [] });
    expect(await assetCount("ASA")).toBe(before);
    const result = await importAssetsCsv(reqA, { siteCode: "ASA", csvText: csv });
    expect(result).toMatchObject({ dryRun: false, ok: true, created: 30, errors: [] });
    expect(await assetCount("ASA")).toBe(before + 30);
    const imported = await listAssets(reqA, { site: "ASA", q: "IMP-", limit: 100 });
    expect(imported.items).toHaveLength(30);
    expect(imported.items.find((a) => a.tag === "IMP-004")).toMatchObject({
      purdueLevel: 3.5,
      areaCode: "U1",
      kind: "hmi",
      criticality: "production_critical",
      version: "33.011",
    });
    const ids = imported.items.map((a) => a.id);
    const creates = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "asset.create"), inArray(auditEvents.objectId, ids)));
    expect(creates).toHaveLength(0);
    const [imp] = await db.select().from(auditEvents).where(eq(auditEvents.action, "asset.import"));
    expect(imp).toMatchObject({
      objectType: "site",
      reason: "CSV import of 30 assets",
      after: expect.objectContaining({ siteCode: "ASA", created: 30, rows: 30 }),
    });
    const listed = (imp!.after as { assets: { id: string; tag: string }[] }).assets;
    expect(listed.map((a) => a.id).sort()).toEqual([...ids].sort());
    const one = imported.items.find((a) => a.tag === "IMP-004")!;
    expect(listed.find((a) => a.id === one.id)).toMatchObject({
      tag: "IMP-004",
      purdueLevel: 3.5,
      areaCode: "U1",
      siteCode: "ASA",
    });
    const edited = await updateAsset(reqA, one.id, { version: "34.011" }, one.rowVersion);
    const history = await assetHistory(reqA, edited.id);
    expect(history.map((h) => h.action)).toEqual(["asset.update", "asset.import"]);
    expect(history[1]).toMatchObject({
      reason: "CSV import of 30 assets",
      after: expect.objectContaining({ tag: "IMP-004", version: "33.011" }),
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("listing", () => {
  it("returns every row exactly once across pages, for every sort and direction", async () => {
    const total = (await listAssets(cmBoth, { limit: 500 })).items.length;
    expect(total).toBeGreaterThan(30);
    for (const sort of ASSET_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await listAssets(cmBoth, { sort, dir, limit: 7, cursor });
          seen.push(...page.items.map((a) => a.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 100);
        expect(seen, `${sort} ${dir}`).toHaveLength(total);
        expect(new Set(seen).size, `${sort} ${dir}`).toBe(total);
        const oneGo = (await listAssets(cmBoth, { sort, dir, limit: 500 })).items.map((a) => a.id);
        expect(seen, `${sort} ${dir}`).toEqual(oneGo);
      }
    }
  });

  it("filters by site, area, kind, criticality, flags and free text", async () => {
    const all = (await listAssets(cmBoth, { limit: 500 })).items;
    const check = async (q: Record<string, unknown>, pred: (a: AssetView) => boolean) => {
      const got = (await listAssets(cmBoth, { ...q, limit: 500 })).items.map((a) => a.id).sort();
      expect(got, JSON.stringify(q)).toEqual(
        all
          .filter(pred)
          .map((a) => a.id)
          .sort(),
      );
      expect(got.length, JSON.stringify(q)).toBeGreaterThan(0);
    };
    await check({ site: "asb" }, (a) => a.siteCode === "ASB");
    await check({ site: "ASA", area: "U2" }, (a) => a.siteCode === "ASA" && a.areaCode === "U2");
    await check({ kind: "hmi" }, (a) => a.kind === "hmi");
    await check({ criticality: "safety_critical" }, (a) => a.criticality === "safety_critical");
    await check({ safetyRelated: "yes" }, (a) => a.safetyRelated);
    await check({ safetyRelated: "false", kind: "plc" }, (a) => !a.safetyRelated && a.kind === "plc");
    await check({ q: "l83" }, (a) => a.modelNumber.includes("L83"));
    await check({ q: "unit 1" }, (a) => a.name.toLowerCase().includes("unit 1"));
    expect((await listAssets(cmBoth, { q: "%" })).items).toEqual([]);
    expect(await refusal(listAssets(cmBoth, { kind: "robot" }))).toBe("invalid");
    expect(await refusal(listAssets(cmBoth, { limit: 501 }))).toBe("invalid");
    expect(await refusal(listAssets(cmBoth, { cursor: "garbage" }))).toBe("invalid");
    expect(await refusal(listAssets(cmBoth, { q: "PLC\u0000" }))).toBe("invalid");
    expect(await refusal(listAssets(cmBoth, { site: "AS\u0000A" }))).toBe("invalid");
    expect(
      await refusal(
        listAssets(cmBoth, {
          cursor: Buffer.from(JSON.stringify(["a\u0000", "00000000-0000-4000-8000-000000000000"])).toString(
            "base64url",
          ),
        }),
      ),
    ).toBe("invalid");
    // Pickers send what was typed: control characters are dropped rather than reaching PostgreSQL.
    expect(
      (await searchAssets(cmBoth, "PLC-101\u0000", 5, { siteCode: "AS\u0000B" })).map((a) => a.siteCode),
    ).toEqual(["ASB"]);
    expect((await searchAssets(cmBoth, "PLC-101\u0000A", 5)).map((a) => a.tag)).toContain("PLC-101A");
    const page = await listAssets(cmBoth, { sort: "tag", limit: 2 });
    expect(await refusal(listAssets(cmBoth, { sort: "criticality", cursor: page.nextCursor! }))).toBe(
      "invalid",
    );
  });

  it("exports the filtered inventory as formula-safe CSV and audits the export", async () => {
    const a = await createAsset(reqA, {
      siteCode: "ASA",
      tag: "EWS-1",
      name: '=HYPERLINK("http://evil","x")',
      kind: "engineering_workstation",
      criticality: "supporting",
      vendor: "@vendor",
    });
    const csv = await exportAssetsCsv(reqA, { site: "ASA", q: "EWS-1" });
    const [header, line] = csv.split("\r\n");
    expect(header).toBe(`siteCode,${HEADER.replace(",gxp,", ",gxp,exposure,")}`);
    expect(line).toBe(
      `ASA,EWS-1,"'=HYPERLINK(""http://evil"",""x"")",engineering_workstation,,"'@vendor",,,,,,supporting,no,no,plant_network,`,
    );
    const [ev] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "asset.export"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(ev).toMatchObject({
      objectType: "asset",
      after: expect.objectContaining({ rows: 1, sites: ["ASA"] }),
    });
    const [row] = await db.select({ siteId: assets.siteId }).from(assets).where(eq(assets.id, a.id));
    expect(ev!.siteId).toBe(row!.siteId);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { GET as assetGET, PATCH as assetPATCH } from "@/app/api/v1/assets/[id]/route";
import { GET as exportGET } from "@/app/api/v1/assets/export.csv/route";
import { GET as templateGET } from "@/app/api/v1/assets/import-template.csv/route";
import { POST as importPOST } from "@/app/api/v1/assets/import/route";
import { GET as assetsGET, POST as assetsPOST } from "@/app/api/v1/assets/route";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { MALFORMED_BODIES, call, expectJson, expectProblem } from "./api-helpers";

let tokenA: string, tokenB: string, tokenAuditor: string;

beforeAll(async () => {
  await useTestDatabase();
  await makeSite("APA", "America/Chicago", ["U1"]);
  await makeSite("APB", "Europe/Berlin", ["U1"]);
  tokenA = (
    await createToken((await makeUser(["APA:requester"], { name: "Api Alice" })).actor, { name: "a" })
  ).token;
  tokenB = (await createToken((await makeUser(["APB:requester"])).actor, { name: "b" })).token;
  tokenAuditor = (await createToken((await makeUser(["APA:auditor"])).actor, { name: "aud" })).token;
});

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    siteCode: "APA",
    areaCode: "U1",
    tag: "PLC-1",
    name: "Line 1 PLC",
    kind: "plc",
    criticality: "production_critical",
    vendor: "Rockwell Automation",
    modelNumber: "1756-L83E",
    version: "33.011",
    purdueLevel: 1,
    ...over,
  });

describe("asset REST API", () => {
  let id: string;

  it("creates with 201, Location and ETag, and reads it back", async () => {
    const res = await call(assetsPOST, {
      method: "POST",
      path: "/api/v1/assets",
      body: body(),
      token: tokenA,
    });
    expect(res.status).toBe(201);
    const created = await expectJson(res);
    id = created.id as string;
    expect(res.headers.get("location")).toBe(`/api/v1/assets/${id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(created).toMatchObject({
      siteCode: "APA",
      areaCode: "U1",
      tag: "PLC-1",
      kind: "plc",
      version: "33.011",
      purdueLevel: 1,
      safetyRelated: false,
      gxp: false,
      redundancyGroup: null,
      rowVersion: 1,
    });
    const got = await expectJson(
      await call(assetGET, { method: "GET", path: `/api/v1/assets/${id}`, params: { id }, token: tokenA }),
    );
    expect(got).toEqual(created);
    const list = await expectJson(
      await call(assetsGET, { method: "GET", path: "/api/v1/assets?site=APA&q=plc&kind=plc", token: tokenA }),
    );
    expect(list).toEqual({ items: [created], nextCursor: null });
  });

  it("answers problem+json for bad input, refusals and other sites", async () => {
    for (const b of MALFORMED_BODIES)
      await expectProblem(
        await call(assetsPOST, { method: "POST", path: "/api/v1/assets", body: b, token: tokenA }),
        400,
      );
    const invalid = await expectProblem(
      await call(assetsPOST, {
        method: "POST",
        path: "/api/v1/assets",
        body: body({ tag: "bad tag", kind: "robot", purdueLevel: "3.5" }),
        token: tokenA,
      }),
      422,
    );
    expect(invalid.errors?.map((e) => e.path).sort()).toEqual(["kind", "purdueLevel", "tag"]);
    const dup = await expectProblem(
      await call(assetsPOST, {
        method: "POST",
        path: "/api/v1/assets",
        body: body({ tag: "plc-1" }),
        token: tokenA,
      }),
      409,
    );
    expect(dup.errors).toEqual([
      { path: "tag", message: expect.stringMatching(/already has an asset tagged PLC-1/) },
    ]);
    await expectProblem(
      await call(assetsPOST, {
        method: "POST",
        path: "/api/v1/assets",
        body: body({ tag: "X-1" }),
        token: tokenAuditor,
      }),
      403,
    );
    await expectProblem(
      await call(assetsPOST, {
        method: "POST",
        path: "/api/v1/assets",
        body: body({ tag: "X-1" }),
        token: tokenB,
      }),
      404,
    );
    await expectProblem(
      await call(assetGET, { method: "GET", path: `/api/v1/assets/${id}`, params: { id }, token: tokenB }),
      404,
    );
    await expectProblem(
      await call(assetGET, {
        method: "GET",
        path: "/api/v1/assets/nope",
        params: { id: "nope" },
        token: tokenA,
      }),
      404,
    );
    await expectProblem(
      await call(assetsGET, { method: "GET", path: "/api/v1/assets?limit=501", token: tokenA }),
      422,
    );
    await expectProblem(
      await call(assetsGET, { method: "GET", path: "/api/v1/assets?cursor=zzz", token: tokenA }),
      422,
    );
    expect(
      await expectJson(await call(assetsGET, { method: "GET", path: "/api/v1/assets", token: tokenB })),
    ).toEqual({ items: [], nextCursor: null });
    await expectProblem(
      await call(assetsGET, { method: "GET", path: "/api/v1/assets", authorization: "Bearer ilk_wrong" }),
      401,
    );
  });

  it("PATCH honours If-Match and answers 409 naming who changed it", async () => {
    const patch = (b: unknown, ifMatch?: string) =>
      call(assetPATCH, {
        method: "PATCH",
        path: `/api/v1/assets/${id}`,
        params: { id },
        body: JSON.stringify(b),
        token: tokenA,
        headers: ifMatch ? { "if-match": ifMatch } : {},
      });
    const ok = await patch({ version: "34.011" }, '"1"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    expect(await expectJson(ok)).toMatchObject({ version: "34.011", rowVersion: 2 });
    const stale = await expectProblem(await patch({ version: "35.011" }, '"1"'), 409);
    expect(stale.detail).toMatch(/^Changed by Api Alice at .* C[DS]T/);
    expect(stale).toMatchObject({ currentVersion: 2, updatedByName: "Api Alice", currentRowVersion: 2 });
    await expectProblem(await patch({ version: "35.011" }, 'W/"1"'), 409);
    await expectProblem(await patch({ version: "35.011" }, "yesterday"), 400);
    await expectProblem(await patch({ purdueLevel: 9 }, '"2"'), 422);
    await expectProblem(await patch({ siteCode: "APB" }, '"2"'), 422);
    expect(await expectJson(await patch({ zone: "Cell 1" }))).toMatchObject({
      zone: "Cell 1",
      version: "34.011",
      exposure: "plant_network",
      rowVersion: 3,
    });
    const exposed = await expectJson(await patch({ exposure: "remote_access" }));
    expect(exposed).toMatchObject({ exposure: "remote_access", rowVersion: 4 });
    const badExposure = await expectProblem(await patch({ exposure: "public" }), 422);
    expect(JSON.stringify(badExposure)).toMatch(/Exposure must be one of isolated, plant_network/);
  });

  it("imports CSV: dry run lists problems, a bad file is 422 with line and column, a good one 201", async () => {
    const header = "tag,name,kind,areaCode,criticality,purdueLevel,safetyRelated";
    const bad = [
      header,
      "HMI-1,Panel 1,hmi,U1,supporting,2,no",
      "HMI-2,Panel 2,robot,U1,supporting,2,no",
      "HMI-3,Panel 3,hmi,U9,supporting,3.5,yes",
    ].join("\n");
    const csv = (text: string, query: string, token = tokenA) =>
      call(importPOST, {
        method: "POST",
        path: `/api/v1/assets/import?${query}`,
        body: text,
        token,
        headers: { "content-type": "text/csv" },
      });
    const dry = await expectJson(await csv(bad, "site=APA&dryRun=true"));
    expect(dry).toMatchObject({ dryRun: true, ok: false, rowCount: 3, validCount: 1, errorCount: 2 });
    expect(dry.errors).toEqual([
      { line: 3, column: "kind", message: expect.stringMatching(/Kind must be one of/) },
      { line: 4, column: "areaCode", message: expect.stringMatching(/no area U9/) },
    ]);
    const refused = await expectProblem(await csv(bad, "site=APA"), 422);
    expect(refused.errors?.map((e) => e.path)).toEqual(["line 3 · kind", "line 4 · areaCode"]);
    expect(refused).toMatchObject({
      rowErrors: [
        { line: 3, column: "kind" },
        { line: 4, column: "areaCode" },
      ],
    });
    expect(
      (
        await expectJson(
          await call(assetsGET, { method: "GET", path: "/api/v1/assets?q=HMI", token: tokenA }),
        )
      ).items,
    ).toEqual([]);

    const good = bad.replace("robot", "hmi").replace("U9", "U1");
    const res = await call(importPOST, {
      method: "POST",
      path: "/api/v1/assets/import",
      body: JSON.stringify({ siteCode: "APA", csv: good }),
      token: tokenA,
    });
    expect(res.status).toBe(201);
    expect(await expectJson(res)).toMatchObject({ dryRun: false, ok: true, created: 3, errors: [] });
    expect(
      (
        await expectJson(
          await call(assetsGET, { method: "GET", path: "/api/v1/assets?q=HMI&sort=tag", token: tokenA }),
        )
      ).items,
    ).toHaveLength(3);

    await expectProblem(await csv(good, "site=APA", tokenAuditor), 403);
    await expectProblem(await csv(good, "site=APA", tokenB), 404);
    await expectProblem(await csv(good, ""), 422);
    await expectProblem(
      await call(importPOST, {
        method: "POST",
        path: "/api/v1/assets/import?site=APA",
        body: "x",
        token: tokenA,
        headers: { "content-type": "application/xml" },
      }),
      400,
    );
  });

  it("exports CSV with a BOM and defused formulas, and serves the template", async () => {
    await call(assetsPOST, {
      method: "POST",
      path: "/api/v1/assets",
      body: body({ tag: "EWS-9", name: "=cmd|' /C calc'!A0", kind: "engineering_workstation" }),
      token: tokenA,
    });
    const res = await call(exportGET, {
      method: "GET",
      path: "/api/v1/assets/export.csv?site=APA&q=EWS",
      token: tokenA,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="assets-APA-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`EWS-9,"'=cmd|' /C calc'!A0"`);
    await expectProblem(
      await call(exportGET, { method: "GET", path: "/api/v1/assets/export.csv?kind=robot", token: tokenA }),
      422,
    );
    const tpl = await call(templateGET, {
      method: "GET",
      path: "/api/v1/assets/import-template.csv",
      token: tokenA,
    });
    expect(tpl.status).toBe(200);
    expect(await tpl.text()).toMatch(/^tag,name,kind,areaCode,/);
  });
});

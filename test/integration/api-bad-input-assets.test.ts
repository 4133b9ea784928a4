import { beforeAll, describe, expect, it } from "vitest";
import { GET as assetGET, PATCH as assetPATCH } from "@/app/api/v1/assets/[id]/route";
import { GET as exportGET } from "@/app/api/v1/assets/export.csv/route";
import { POST as importPOST } from "@/app/api/v1/assets/import/route";
import { GET as templateGET } from "@/app/api/v1/assets/import-template.csv/route";
import { GET as assetsGET, POST as assetsPOST } from "@/app/api/v1/assets/route";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import {
  HOSTILE_STRINGS,
  MALFORMED_BODIES,
  WRONG_SHAPES,
  call,
  expectJson,
  expectProblem,
} from "./api-helpers";

// The asset endpoints under the same hostile input as the core ones (api-bad-input.test.ts).
let token: string;
let assetId: string;
const VALID = {
  siteCode: "BAA",
  tag: "PLC-100",
  name: "Reactor PLC",
  kind: "plc",
  criticality: "supporting",
};

beforeAll(async () => {
  await useTestDatabase();
  await makeSite("BAA", "America/Chicago", ["U1"]);
  const user = await makeUser(["BAA:requester"]);
  token = (await createToken(user.actor, { name: "assets bad input" })).token;
  const res = await call(assetsPOST, {
    method: "POST",
    path: "/api/v1/assets",
    body: JSON.stringify(VALID),
    token,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  assetId = String((await expectJson(res)).id);
});

const post = (body: string) => call(assetsPOST, { method: "POST", path: "/api/v1/assets", body, token });
const patch = (id: string, body: string, headers?: Record<string, string>) =>
  call(assetPATCH, { method: "PATCH", path: `/api/v1/assets/${id}`, params: { id }, body, token, headers });

describe("POST /assets and PATCH /assets/{id} refuse bad bodies", () => {
  it.each(MALFORMED_BODIES)("malformed JSON %j → 400", async (body) => {
    await expectProblem(await post(body), 400);
    await expectProblem(await patch(assetId, body), 400);
  });

  it.each(WRONG_SHAPES.map((b) => [JSON.stringify(b)]))("wrong shape %s → 422", async (body) => {
    await expectProblem(await post(body), 422);
  });

  it("wrong types in each required field → 422", async () => {
    for (const key of [...Object.keys(VALID), "safetyRelated", "gxp", "purdueLevel"]) {
      for (const wrong of [42.5, [], {}, key === "safetyRelated" || key === "gxp" ? "yes" : true]) {
        await expectProblem(await post(JSON.stringify({ ...VALID, tag: `T-${key}`, [key]: wrong })), 422);
        await expectProblem(await patch(assetId, JSON.stringify({ [key]: wrong })), 422);
      }
    }
  });

  it("a 1 MB string in each text field → 422; a body over the limit → 413", async () => {
    for (const key of ["tag", "name", "vendor", "zone", "siteCode"])
      await expectProblem(await post(JSON.stringify({ ...VALID, [key]: "x".repeat(1024 * 1024) })), 422);
    await expectProblem(await post(JSON.stringify({ ...VALID, name: "x".repeat(3 * 1024 * 1024) })), 413);
  });

  it("hostile strings in codes, tags and vocabularies → 4xx, never 5xx", async () => {
    for (const key of ["siteCode", "tag", "kind", "criticality", "areaCode"]) {
      // A blank area means "no area", which is legal.
      for (const hostile of HOSTILE_STRINGS.filter((h) => key !== "areaCode" || h.trim())) {
        const res = await post(
          JSON.stringify({ ...VALID, tag: key === "tag" ? hostile : "T-H", [key]: hostile }),
        );
        expect(
          res.status,
          `${key}=${JSON.stringify(hostile)}: ${await res.clone().text()}`,
        ).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        await expectJson(res);
      }
    }
  });

  it("SQL and markup in free text are stored verbatim and echoed as JSON", async () => {
    const name = "<script>alert(1)</script> '; drop table assets; --";
    const res = await post(JSON.stringify({ ...VALID, tag: "PLC-200", name, vendor: "Ünïcödé 工場" }));
    expect(res.status).toBe(201);
    expect((await expectJson(res)).name).toBe(name);
    const back = await expectJson(
      await call(assetsGET, { method: "GET", path: "/api/v1/assets?q=PLC-200", token }),
    );
    expect(JSON.stringify(back)).toContain("drop table assets");
  });

  it("a stale or malformed If-Match is refused with 4xx", async () => {
    for (const ifMatch of ["junk", "<script>", "'; drop", "99999"]) {
      const res = await patch(assetId, JSON.stringify({ name: "Renamed" }), { "if-match": ifMatch });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      await expectJson(res);
    }
  });
});

describe("GET /assets, /assets/{id} and the CSV endpoints with hostile input", () => {
  it.each([
    "site=%3Cscript%3E",
    "site=%27%3B%20drop%20table%20assets%3B%20--",
    "kind=junk",
    "criticality=%00",
    "q=a%00b",
    "site=BAA%00",
    "q=%27%3B%20drop%20table%20assets%3B%20--",
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    `q=${"x".repeat(5000)}`,
    "limit=abc",
    "limit=-1",
    "cursor=junk",
    "sort=password",
    "dir=sideways",
  ])("?%s → never 5xx, always JSON", async (qs) => {
    const res = await call(assetsGET, { method: "GET", path: `/api/v1/assets?${qs}`, token });
    expect(res.status, await res.clone().text()).toBeLessThan(500);
    await expectJson(res);
    const csv = await call(exportGET, { method: "GET", path: `/api/v1/assets/export.csv?${qs}`, token });
    expect(csv.status).toBeLessThan(500);
    if (csv.status >= 400) await expectJson(csv);
    else expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it.each(HOSTILE_STRINGS.concat(["00000000-0000-4000-8000-000000000000"]))(
    "asset id %j → 404",
    async (id) => {
      await expectProblem(
        await call(assetGET, { method: "GET", path: "/api/v1/assets/x", params: { id }, token }),
        404,
      );
      await expectProblem(await patch(id, JSON.stringify({ name: "x" })), 404);
    },
  );

  it("the import refuses malformed uploads with 4xx and names the problem", async () => {
    const cases: { qs: string; body: string; type: string }[] = [
      { qs: "", body: "tag,name\nA,B", type: "text/csv" },
      { qs: "?site=%3Cscript%3E", body: "tag,name\nA,B", type: "text/csv" },
      { qs: "?site=BAA", body: "\u0000\u0001\u0002", type: "text/csv" },
      {
        qs: "?site=BAA",
        body: `tag,name,kind,criticality\n"unterminated,x,plc,supporting`,
        type: "text/csv",
      },
      {
        qs: "?site=BAA",
        body: "tag,name,kind,criticality\n'; drop table assets; --,<script>,plc,supporting",
        type: "text/csv",
      },
      { qs: "", body: "{", type: "application/json" },
      { qs: "", body: JSON.stringify({ siteCode: "BAA", csv: 42 }), type: "application/json" },
      { qs: "", body: "x", type: "application/x-www-form-urlencoded" },
    ];
    for (const c of cases) {
      const res = await call(importPOST, {
        method: "POST",
        path: `/api/v1/assets/import${c.qs}`,
        body: c.body,
        token,
        headers: { "content-type": c.type },
      });
      expect(res.status, `${JSON.stringify(c)}: ${await res.clone().text()}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      await expectJson(res);
    }
  });

  it("the template downloads as CSV", async () => {
    const res = await call(templateGET, { method: "GET", path: "/api/v1/assets/import-template.csv", token });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/tag/);
  });

  it("a forged token is refused with 401 problem+json on every asset endpoint", async () => {
    const authorization = "Bearer ilk_forged";
    await expectProblem(await call(assetsGET, { method: "GET", path: "/api/v1/assets", authorization }), 401);
    await expectProblem(
      await call(assetsPOST, {
        method: "POST",
        path: "/api/v1/assets",
        body: JSON.stringify(VALID),
        authorization,
      }),
      401,
    );
    await expectProblem(
      await call(assetGET, {
        method: "GET",
        path: `/api/v1/assets/${assetId}`,
        params: { id: assetId },
        authorization,
      }),
      401,
    );
    await expectProblem(
      await call(assetPATCH, {
        method: "PATCH",
        path: `/api/v1/assets/${assetId}`,
        params: { id: assetId },
        body: "{}",
        authorization,
      }),
      401,
    );
    await expectProblem(
      await call(importPOST, {
        method: "POST",
        path: "/api/v1/assets/import?site=BAA",
        body: "tag",
        authorization,
      }),
      401,
    );
    await expectProblem(
      await call(exportGET, { method: "GET", path: "/api/v1/assets/export.csv", authorization }),
      401,
    );
  });
});

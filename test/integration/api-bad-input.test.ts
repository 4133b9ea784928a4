import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditVerifyGET } from "@/app/api/v1/audit/verify/route";
import { GET as meGET } from "@/app/api/v1/me/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { POST as areasPOST } from "@/app/api/v1/sites/[code]/areas/route";
import { GET as siteGET } from "@/app/api/v1/sites/[code]/route";
import { GET as sitesGET, POST as sitesPOST } from "@/app/api/v1/sites/route";
import { DELETE as tokenDELETE } from "@/app/api/v1/tokens/[id]/route";
import { GET as tokensGET, POST as tokensPOST } from "@/app/api/v1/tokens/route";
import { listUsers } from "@/lib/services/users/list-users";
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
  type Handler,
} from "./api-helpers";

let adminToken: string;
let userToken: string;
let adminActor: Awaited<ReturnType<typeof makeUser>>["actor"];

beforeAll(async () => {
  await useTestDatabase();
  await makeSite("BAD", "Europe/Berlin", ["U1"]);
  const admin = await makeUser([], { isAdmin: true });
  const user = await makeUser(["BAD:requester"]);
  adminActor = admin.actor;
  adminToken = (await createToken(admin.actor, { name: "bad-input admin" })).token;
  userToken = (await createToken(user.actor, { name: "bad-input user" })).token;
});

interface Endpoint {
  name: string;
  handler: Handler;
  method: string;
  path: string;
  params?: Record<string, string>;
  /** For writes: a valid body to mutate. */
  fields?: Record<string, unknown>;
}

const WRITES: Endpoint[] = [
  {
    name: "POST /sites",
    handler: sitesPOST,
    method: "POST",
    path: "/api/v1/sites",
    fields: { code: "OK1", name: "Fine", timeZone: "UTC" },
  },
  {
    name: "POST /sites/{code}/areas",
    handler: areasPOST,
    method: "POST",
    path: "/api/v1/sites/BAD/areas",
    params: { code: "BAD" },
    fields: { code: "A1", name: "Area" },
  },
  {
    name: "POST /tokens",
    handler: tokensPOST,
    method: "POST",
    path: "/api/v1/tokens",
    fields: { name: "ci", days: 30 },
  },
];

const READS: Endpoint[] = [
  { name: "GET /me", handler: meGET, method: "GET", path: "/api/v1/me" },
  { name: "GET /sites", handler: sitesGET, method: "GET", path: "/api/v1/sites" },
  {
    name: "GET /sites/{code}",
    handler: siteGET,
    method: "GET",
    path: "/api/v1/sites/BAD",
    params: { code: "BAD" },
  },
  { name: "GET /audit/verify", handler: auditVerifyGET, method: "GET", path: "/api/v1/audit/verify" },
  { name: "GET /tokens", handler: tokensGET, method: "GET", path: "/api/v1/tokens" },
];

describe.each(WRITES)("$name refuses bad bodies with 4xx problem+json", (ep) => {
  const send = (body: string, token = adminToken) =>
    call(ep.handler, { method: ep.method, path: ep.path, params: ep.params, body, token });

  it.each(MALFORMED_BODIES)("malformed JSON %j → 400", async (body) => {
    await expectProblem(await send(body), 400);
  });

  it.each(WRONG_SHAPES.map((b) => [JSON.stringify(b)]))("wrong shape %s → 422", async (body) => {
    await expectProblem(await send(body), 422);
  });

  it("wrong types in every field → 422 naming the fields", async () => {
    for (const key of Object.keys(ep.fields!)) {
      for (const wrong of [null, 42.5, [], {}, true]) {
        const res = await send(JSON.stringify({ ...ep.fields, [key]: wrong }));
        const problem = await expectProblem(res, 422);
        expect(
          problem.errors?.map((e) => e.path),
          `${key}=${JSON.stringify(wrong)}`,
        ).toContain(key);
      }
    }
  });

  it("a 1 MB string in each field → 422", async () => {
    for (const key of Object.keys(ep.fields!))
      await expectProblem(await send(JSON.stringify({ ...ep.fields, [key]: "x".repeat(1024 * 1024) })), 422);
  });

  it("a body over the size limit → 413", async () => {
    await expectProblem(await send(JSON.stringify({ ...ep.fields, name: "x".repeat(3 * 1024 * 1024) })), 413);
  });

  it("control characters, markup and SQL in code-like fields → 422, never 5xx", async () => {
    const codeLike = Object.keys(ep.fields!).filter((k) => k !== "name");
    for (const key of codeLike) {
      for (const hostile of HOSTILE_STRINGS)
        await expectProblem(await send(JSON.stringify({ ...ep.fields, [key]: hostile })), 422);
    }
  });

  it("control characters in names → 422", async () => {
    for (const bad of ["tab\u0000null", "bell\u0007", "line\nbreak", "esc\u001b[31m"])
      await expectProblem(await send(JSON.stringify({ ...ep.fields, name: bad })), 422);
  });

  it("a plain user is refused (403 for administrator writes, never 5xx)", async () => {
    const res = await send(JSON.stringify(ep.fields), userToken);
    expect(res.status).toBeLessThan(500);
    if (ep.name !== "POST /tokens") await expectProblem(res, 403);
  });
});

describe("hostile but legal text is stored verbatim and echoed as JSON", () => {
  it.each([
    ["SQL", "S1", "'; drop table users; --"],
    ["markup", "S2", "<script>alert(1)</script>"],
    ["unicode", "S3", "Zürich \u202eevil\u202c 🏭 工場"],
  ])("%s in a site name", async (_label, code, name) => {
    const res = await call(sitesPOST, {
      method: "POST",
      path: "/api/v1/sites",
      body: JSON.stringify({ code, name, timeZone: "UTC" }),
      token: adminToken,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await expectJson(res);
    const back = await expectJson(
      await call(siteGET, {
        method: "GET",
        path: `/api/v1/sites/${code}`,
        params: { code },
        token: adminToken,
      }),
    );
    expect(back.name).toBe(created.name);
    expect(String(back.name).length).toBeGreaterThan(3);
    expect((await listUsers(adminActor)).items.length).toBeGreaterThan(0);
  });

  it("half a surrogate pair is refused as malformed text, not stored", async () => {
    const body = '{"code":"S4","name":"half \\ud800 pair","timeZone":"UTC"}';
    await expectProblem(
      await call(sitesPOST, { method: "POST", path: "/api/v1/sites", body, token: adminToken }),
      400,
    );
    await expectProblem(
      await call(siteGET, {
        method: "GET",
        path: "/api/v1/sites/S4",
        params: { code: "S4" },
        token: adminToken,
      }),
      404,
    );
  });

  it("a token named with markup comes back as JSON text", async () => {
    const res = await call(tokensPOST, {
      method: "POST",
      path: "/api/v1/tokens",
      body: JSON.stringify({ name: "<img src=x onerror=alert(1)>" }),
      token: userToken,
    });
    expect(res.status).toBe(201);
    expect((await expectJson(res)).name).toBe("<img src=x onerror=alert(1)>");
  });
});

describe.each(READS)("$name with hostile query strings never fails with 5xx", (ep) => {
  it.each([
    "limit=abc",
    "limit=-1",
    "limit=0",
    "limit=1e9",
    "limit=1.5",
    "cursor=junk",
    "cursor=%3Cscript%3E",
    "cursor=%27%3B%20drop%20table%20users%3B%20--",
    `cursor=${"A".repeat(600)}`,
  ])("?%s", async (qs) => {
    const res = await call(ep.handler, {
      method: ep.method,
      path: `${ep.path}?${qs}`,
      params: ep.params,
      token: adminToken,
    });
    if (ep.name === "GET /sites" || ep.name === "GET /tokens") await expectProblem(res, 422);
    else {
      expect(res.status).toBe(200);
      await expectJson(res);
    }
  });
});

describe("unknown or hostile identifiers in the path are 404", () => {
  it.each(HOSTILE_STRINGS.concat(["NOPE", "x".repeat(10_000)]))("site %j", async (code) => {
    await expectProblem(
      await call(siteGET, { method: "GET", path: "/api/v1/sites/x", params: { code }, token: adminToken }),
      404,
    );
    const area = await call(areasPOST, {
      method: "POST",
      path: "/api/v1/sites/x/areas",
      params: { code },
      body: JSON.stringify({ code: "A1", name: "Area" }),
      token: adminToken,
    });
    await expectProblem(area, 404);
  });

  it.each(HOSTILE_STRINGS.concat(["00000000-0000-4000-8000-000000000000"]))("token %j", async (id) => {
    await expectProblem(
      await call(tokenDELETE, {
        method: "DELETE",
        path: "/api/v1/tokens/x",
        params: { id },
        token: userToken,
      }),
      404,
    );
  });
});

describe("authentication", () => {
  const everyEndpoint = [
    ...READS,
    ...WRITES,
    {
      name: "DELETE /tokens/{id}",
      handler: tokenDELETE,
      method: "DELETE",
      path: "/api/v1/tokens/x",
      params: { id: "x" },
    },
  ];
  it.each([
    "Bearer nonsense",
    "Bearer ilk_forged",
    "Basic dXNlcjpwYXNz",
    "Bearer",
    `Bearer ilk_${"a".repeat(100_000)}`,
  ])("%s → 401 problem+json everywhere", async (authorization) => {
    for (const ep of everyEndpoint) {
      const res = await call(ep.handler, {
        method: ep.method,
        path: ep.path,
        params: ep.params,
        body: ep.fields ? JSON.stringify(ep.fields) : undefined,
        authorization,
      });
      await expectProblem(res, 401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
    }
  });

  it("auditors and administrators verify the chain; others are refused", async () => {
    expect(
      await expectJson(
        await call(auditVerifyGET, { method: "GET", path: "/api/v1/audit/verify", token: adminToken }),
      ),
    ).toMatchObject({ ok: true, firstBrokenId: null });
    await expectProblem(
      await call(auditVerifyGET, { method: "GET", path: "/api/v1/audit/verify", token: userToken }),
      403,
    );
  });

  it("the OpenAPI document is public JSON", async () => {
    const res = openapiGET();
    expect(res.status).toBe(200);
    expect((await expectJson(res)).openapi).toBe("3.1.0");
  });
});

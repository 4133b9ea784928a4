import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/audit/route";
import { GET as exportRoute } from "@/app/api/v1/audit/export/route";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let auditorToken: string;
let requesterToken: string;
let otherSiteAuditorEmail: string;

const call = (route: typeof listRoute, url: string, token: string) =>
  route(new NextRequest(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });

beforeAll(async () => {
  await useTestDatabase();
  await makeSite("APA");
  await makeSite("APB", "Europe/Berlin");
  const auditor = await makeUser(["APA:auditor"]);
  const requester = await makeUser(["APA:requester"]);
  otherSiteAuditorEmail = (await makeUser(["APB:auditor"])).email;
  auditorToken = (await createToken(auditor.actor, { name: "audit script" })).token;
  requesterToken = (await createToken(requester.actor, { name: "ci" })).token;
});

describe("GET /api/v1/audit", () => {
  it("answers {items, nextCursor} with the caller's scope and pages with the cursor", async () => {
    const res = await call(listRoute, "/api/v1/audit?limit=2", auditorToken);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { id: number; actorEmail: string; siteCode: string | null }[];
      nextCursor: string | null;
    };
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).toEqual(expect.any(String));
    const next = (await (
      await call(listRoute, `/api/v1/audit?limit=2&cursor=${body.nextCursor}`, auditorToken)
    ).json()) as typeof body;
    expect(next.items[0]!.id).toBeLessThan(body.items[1]!.id);
    const all = (await (
      await call(listRoute, "/api/v1/audit?limit=500", auditorToken)
    ).json()) as typeof body;
    expect(all.items.some((e) => e.siteCode === "APB" || e.actorEmail === otherSiteAuditorEmail)).toBe(false);
  });

  it("filters with object=type:id and action groups", async () => {
    const res = await call(listRoute, "/api/v1/audit?action=token.&object=api_token", auditorToken);
    const body = (await res.json()) as { items: { action: string; objectType: string }[] };
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    expect(body.items.every((e) => e.action === "token.create" && e.objectType === "api_token")).toBe(true);
  });

  it("answers problem+json: 422 for bad filters, 403 without audit.view, 404 for an invisible site", async () => {
    const bad = await call(listRoute, "/api/v1/audit?limit=501&from=yesterday", auditorToken);
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(["from", "limit"]);
    expect((await call(listRoute, "/api/v1/audit", requesterToken)).status).toBe(403);
    expect((await call(listRoute, "/api/v1/audit?site=APB", auditorToken)).status).toBe(404);
  });
});

describe("GET /api/v1/audit/export", () => {
  it("downloads CSV and JSON as attachments and records the export", async () => {
    const csv = await call(exportRoute, "/api/v1/audit/export?format=csv&action=auth.login", auditorToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="interlock-audit-\d{8}T\d{6}Z\.csv"$/,
    );
    const text = await csv.text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "id,at,siteCode,actorEmail,actorName,action,actionLabel,objectType,objectId,objectLabel,reason,ip,before,after,hash",
    );
    const lines = text.trim().split("\r\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !l.includes(",auth.login,"))).toEqual([]);
    expect(lines[0]).toContain(",Signed in,");
    const newest = Number(lines[0]!.split(",")[0]);
    expect(Number(csv.headers.get("x-interlock-export-up-to-id"))).toBe(newest);

    const json = await call(exportRoute, "/api/v1/audit/export?format=json&site=APA", auditorToken);
    expect(json.headers.get("content-disposition")).toMatch(/filename="interlock-audit-APA-.*\.json"/);
    expect(Array.isArray(await json.json())).toBe(true);

    const exports = (await (
      await call(listRoute, "/api/v1/audit?action=audit.export", auditorToken)
    ).json()) as { items: { after: { format: string } }[] };
    expect(exports.items.map((e) => e.after.format)).toEqual(["json", "csv"]);
  });

  it("refuses an unknown format and callers without the auditor role", async () => {
    expect((await call(exportRoute, "/api/v1/audit/export?format=xml", auditorToken)).status).toBe(422);
    expect((await call(exportRoute, "/api/v1/audit/export?format=csv", requesterToken)).status).toBe(403);
  });
});

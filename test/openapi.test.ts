import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiFallback, matchApiRoute } from "@/lib/http/api-fallback";
import { openApiDocument } from "@/lib/openapi";

const ROOT = path.resolve(__dirname, "..");
const API_DIR = path.join(ROOT, "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Json = Record<string, unknown>;

function routeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? [full] : [];
  });
}

/** "app/api/v1/sites/[code]/areas/route.ts" → "/api/v1/sites/{code}/areas"; route groups "(x)" vanish. */
function apiPathOf(file: string): string {
  const segments = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/, "{$1}"));
  return `/${segments.join("/")}`;
}

function exportedMethods(source: string): string[] {
  return METHODS.filter((m) =>
    new RegExp(
      `export\\s+(?:async\\s+function\\s+${m}\\b|function\\s+${m}\\b|const\\s+${m}\\b|\\{[^}]*\\b${m}\\b[^}]*\\})`,
    ).test(source),
  );
}

function served(): string[] {
  return routeFiles(API_DIR)
    .flatMap((f) => exportedMethods(fs.readFileSync(f, "utf8")).map((m) => `${m} ${apiPathOf(f)}`))
    .sort();
}

function documented(): string[] {
  const doc = openApiDocument();
  return Object.entries(doc.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
}

describe("OpenAPI document", () => {
  it("derives paths from route files", () => {
    expect(apiPathOf(path.join(API_DIR, "sites", "[code]", "areas", "route.ts"))).toBe(
      "/api/v1/sites/{code}/areas",
    );
    expect(apiPathOf(path.join(API_DIR, "(x)", "tokens", "[id]", "route.ts"))).toBe("/api/v1/tokens/{id}");
    expect(exportedMethods("export const GET = apiRoute(); export async function POST() {}")).toEqual([
      "GET",
      "POST",
    ]);
    expect(exportedMethods("export { handler as GET, handler as PATCH };")).toEqual(["GET", "PATCH"]);
    expect(exportedMethods("const GET = 1; export const dynamic = 'force-dynamic';")).toEqual([]);
  });

  it("documents every served endpoint, and nothing that is not served", () => {
    const s = served();
    const d = documented();
    expect(s.length).toBeGreaterThan(5);
    expect({
      undocumented: s.filter((x) => !d.includes(x)),
      notServed: d.filter((x) => !s.includes(x)),
    }).toEqual({ undocumented: [], notServed: [] });
  });

  it("lets every served method of every route file through the proxy to that route", () => {
    // The proxy's 404/405 reads the document's paths; a route file it did not know would be
    // unreachable, so check it against the route files themselves, not the document.
    for (const entry of served()) {
      const [method, template] = entry.split(" ") as [string, string];
      const concrete = template.replace(/\{[^}]+\}/g, "x0");
      expect(matchApiRoute(concrete)?.path, entry).toBe(template);
      expect(apiFallback(method, concrete), entry).toBeNull();
      expect(apiFallback("OPTIONS", concrete), `OPTIONS ${template}`).toBeNull();
      if (method === "GET") expect(apiFallback("HEAD", concrete), `HEAD ${template}`).toBeNull();
    }
  });

  it("is an OpenAPI 3.1 document with bearer auth, problem+json and resolvable references", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components).toMatchObject({
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    });
    const text = JSON.stringify(doc);
    expect(text).not.toContain("#/$defs/");
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      expect(schemas, `missing component ${name}`).toHaveProperty([name!]);
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const responses = (op as { responses: Record<string, { content?: Record<string, unknown> }> })
          .responses;
        expect(responses["500"]?.content, `${m} ${p}`).toHaveProperty(["application/problem+json"]);
        const names = [...p.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
        const params = ((op as { parameters?: { name: string; in: string }[] }).parameters ?? [])
          .filter((x) => x.in === "path")
          .map((x) => x.name);
        expect(params, `${m} ${p} path parameters`).toEqual(names);
      }
    }
  });

  it("names sites siteCode and areas areaCode(s) in every request body; the old names are deprecated aliases", () => {
    const doc = openApiDocument();
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    const props = (name: string) => (schemas[name]!.properties ?? {}) as Record<string, Json>;
    const deprecated = (name: string) =>
      Object.entries(props(name))
        .filter(([, p]) => p.deprecated === true)
        .map(([k]) => k)
        .sort();
    expect(deprecated("CreateWindow")).toEqual(["areas", "site"]);
    expect(deprecated("UpdateWindow")).toEqual(["areas"]);
    expect(deprecated("CreateProductionRun")).toEqual(["area", "site"]);
    expect(deprecated("UpdateProductionRun")).toEqual(["area"]);
    expect(schemas.CreateWindow!.required).toEqual(expect.arrayContaining(["siteCode"]));
    expect(schemas.CreateProductionRun!.required).toEqual(expect.arrayContaining(["siteCode", "areaCode"]));
    // No request body anywhere names a site or areas any other way, except as a deprecated alias.
    const bodies = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((op) => JSON.stringify((op as { requestBody?: unknown }).requestBody ?? {})),
    );
    const resolved = bodies.map((b) =>
      b.replace(/\{"\$ref":"#\/components\/schemas\/([^"]+)"\}/g, (_, n: string) =>
        JSON.stringify(schemas[n]),
      ),
    );
    for (const body of resolved) {
      for (const [, key, rest] of body.matchAll(/"(site|area|areas)":(\{[^}]*)/g))
        expect(rest, `request field ${key}`).toContain('"deprecated":true');
    }
  });

  it("keeps health and the document public, and everything else behind a token", () => {
    const doc = openApiDocument();
    const security = (p: string, m: string) =>
      (doc.paths[p]?.[m] as { security?: unknown[] } | undefined)?.security;
    expect(security("/api/v1/health", "get")).toEqual([]);
    expect(security("/api/v1/openapi.json", "get")).toEqual([]);
    expect(security("/api/v1/me", "get")).toEqual([{ bearerAuth: [] }]);
    expect(security("/api/v1/tokens", "post")).toEqual([{ bearerAuth: [] }]);
  });
});

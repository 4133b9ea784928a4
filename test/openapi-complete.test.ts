import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";

type Json = Record<string, unknown>;
const doc = openApiDocument();
const components = (doc.components as { schemas: Record<string, Json> }).schemas;

/** Every place in a schema that is itself a schema, with its path, following component references once. */
function* schemaNodes(schema: unknown, path: string, seen = new Set<string>()): Generator<[string, Json]> {
  if (!schema || typeof schema !== "object") return;
  const s = schema as Json;
  yield [path, s];
  const ref = typeof s.$ref === "string" ? s.$ref.replace("#/components/schemas/", "") : null;
  if (ref && !seen.has(ref)) {
    seen.add(ref);
    yield* schemaNodes(components[ref], `${path} → ${ref}`, seen);
  }
  for (const [key, child] of Object.entries((s.properties ?? {}) as Json))
    yield* schemaNodes(child, `${path}.${key}`, seen);
  for (const key of ["items", "additionalProperties", "not"] as const)
    if (s[key] && typeof s[key] === "object") yield* schemaNodes(s[key], `${path}[${key}]`, seen);
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"] as const)
    for (const [i, child] of ((s[key] ?? []) as unknown[]).entries())
      yield* schemaNodes(child, `${path}.${key}[${i}]`, seen);
}

interface Operation {
  parameters?: { name: string; in: string; description?: string; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
  Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op as unknown as Operation] as const),
);

/** Every request schema (parameters and bodies) and every response schema of every operation. */
function roots(): [string, Json][] {
  return operations.flatMap(([name, op]) => [
    ...(op.parameters ?? []).map((p): [string, Json] => [`${name} ${p.in} ${p.name}`, p.schema]),
    ...Object.entries(op.requestBody?.content ?? {}).map(([t, c]): [string, Json] => [
      `${name} body ${t}`,
      c.schema,
    ]),
    ...Object.entries(op.responses).flatMap(([status, r]) =>
      Object.entries(r.content ?? {}).map(([t, c]): [string, Json] => [
        `${name} ${status} ${t}`,
        c.schema ?? {},
      ]),
    ),
  ]);
}

describe("OpenAPI document completeness", () => {
  it("has no empty schema in any request or response: each says what it holds, or in words why anything goes", () => {
    const empty = roots().flatMap(([root, schema]) =>
      [...schemaNodes(schema, root)].filter(([, s]) => Object.keys(s).length === 0).map(([p]) => p),
    );
    const emptyComponents = Object.entries(components).flatMap(([name, schema]) =>
      [...schemaNodes(schema, name)].filter(([, s]) => Object.keys(s).length === 0).map(([p]) => p),
    );
    expect(roots().length).toBeGreaterThan(100);
    expect([...empty, ...emptyComponents]).toEqual([]);
  });

  it("gives every success response with a body its schema, and every body-taking operation its request schema", () => {
    const missing = operations.flatMap(([name, op]) => [
      ...Object.entries(op.responses)
        .filter(([status, r]) => /^2/.test(status) && status !== "204" && !r.content)
        .map(([status]) => `${name} ${status}`),
      ...Object.entries(op.requestBody?.content ?? {})
        .filter(([, c]) => !c.schema)
        .map(([t]) => `${name} body ${t}`),
    ]);
    expect(missing).toEqual([]);
  });

  it("documents every date-time input as a string with format date-time, or as site time in words", () => {
    const timeLike = /(At|Start|End|Date)$|^(from|to|at|start|end|until|occurrenceStart)$/;
    const wrong: string[] = [];
    for (const [name, op] of operations) {
      const inputs: [string, Json][] = [
        // A parameter's description sits beside its schema.
        ...(op.parameters ?? []).map((p): [string, Json] => [
          p.name,
          { ...p.schema, description: p.schema.description ?? p.description },
        ]),
        ...(Object.values(op.requestBody?.content ?? {}).flatMap((c) =>
          [...schemaNodes(c.schema, "body")].flatMap(([, s]) => Object.entries((s.properties ?? {}) as Json)),
        ) as [string, Json][]),
      ];
      for (const [field, schema] of inputs) {
        if (!timeLike.test(field)) continue;
        const variants = [schema, ...((schema.anyOf ?? []) as Json[])].filter((s) => s.type === "string");
        const ok = variants.some(
          (s) => s.format === "date-time" || /site[- ]local|site time/i.test(String(s.description ?? "")),
        );
        if (!ok) wrong.push(`${name} ${field}: ${JSON.stringify(schema)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

import { z } from "zod";
import { PROBLEM_DESCRIPTIONS, problemSchema } from "./problem";
import { HTTP_METHODS, type FeaturePaths, type OperationSpec } from "./registry";

type Json = Record<string, unknown>;

const REF_PREFIX = "#/components/schemas/";

function rewriteRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${REF_PREFIX}`)) as T;
}

/** zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1); named schemas go to components and are referenced. */
function toJsonSchema(schema: z.ZodType, components: Json): Json {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  const { $schema: _dialect, $defs, ...body } = json;
  for (const [name, def] of Object.entries(($defs ?? {}) as Json)) {
    const { id: _defId, ...rest } = def as Json;
    components[name] = rewriteRefs(rest);
  }
  // A named root comes back as {$ref} with its body among the $defs moved above.
  return rewriteRefs(body);
}

function parameters(path: string, op: OperationSpec, components: Json): Json[] {
  const out: Json[] = [];
  const pathShape = op.path?.shape ?? {};
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const field = (pathShape as Record<string, z.ZodType>)[name!];
    const schema = field ? toJsonSchema(field, components) : { type: "string" };
    const { description, ...rest } = schema;
    out.push({ name, in: "path", required: true, schema: rest, ...(description ? { description } : {}) });
  }
  for (const [name, field] of Object.entries((op.query?.shape ?? {}) as Record<string, z.ZodType>)) {
    const { description, ...rest } = toJsonSchema(field, components);
    out.push({
      name,
      in: "query",
      required: !field.safeParse(undefined).success,
      schema: rest,
      ...(description ? { description } : {}),
    });
  }
  for (const h of op.headers ?? [])
    out.push({
      name: h.name,
      in: "header",
      required: h.required ?? false,
      description: h.description,
      schema: { type: "string" },
    });
  return out;
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\/?/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function operation(feature: string, method: string, path: string, op: OperationSpec, components: Json): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(r.headers).map(([k, h]) => [
                k,
                { description: h.description, schema: h.schema },
              ]),
            ),
          }
        : {}),
      ...(r.schema
        ? {
            content: {
              [r.contentType ?? "application/json"]: { schema: toJsonSchema(r.schema, components) },
            },
          }
        : {}),
    };
  }
  const auth = op.auth !== false;
  const problems = new Set([...(auth ? [401] : []), ...(op.errors ?? []), 500]);
  for (const status of [...problems].sort()) {
    responses[String(status)] ??= {
      description: PROBLEM_DESCRIPTIONS[status] ?? "Problem.",
      content: { "application/problem+json": { schema: { $ref: `${REF_PREFIX}Problem` } } },
    };
  }
  const params = parameters(path, op, components);
  return {
    operationId: operationId(method, path),
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: op.tags ?? [feature],
    security: auth ? [{ bearerAuth: [] }] : [],
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              [op.bodyContentType ?? "application/json"]: { schema: toJsonSchema(op.body, components) },
            },
          },
        }
      : {}),
    responses,
  };
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Json;
  servers: Json[];
  tags: Json[];
  paths: Record<string, Record<string, Json>>;
  components: Json;
  security: Json[];
}

export function buildDocument(
  features: FeaturePaths[],
  info: { title: string; version: string; description: string },
): OpenApiDocument {
  const schemas: Json = {};
  toJsonSchema(problemSchema, schemas);
  const paths: OpenApiDocument["paths"] = {};
  for (const f of features) {
    for (const [path, spec] of Object.entries(f.paths)) {
      for (const method of HTTP_METHODS) {
        const op = spec[method];
        if (!op) continue;
        paths[path] ??= {};
        if (paths[path][method])
          throw new Error(
            `OpenAPI: ${method.toUpperCase()} ${path} is described twice (feature ${f.feature}).`,
          );
        paths[path][method] = operation(f.feature, method, path, op, schemas);
      }
    }
  }
  return {
    openapi: "3.1.0",
    info,
    servers: [{ url: "/" }],
    tags: features.map((f) => ({
      name: f.feature,
      ...(f.description ? { description: f.description } : {}),
    })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))),
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal access token (ilk_…) from the profile page or `npm run interlock -- token:create`.",
        },
      },
    },
    security: [{ bearerAuth: [] }],
  };
}

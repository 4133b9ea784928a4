import { z } from "zod";

/**
 * The vocabulary for describing REST paths. Each feature declares its paths in
 * lib/openapi/paths/<feature>.ts with definePaths(); lib/openapi/index.ts lists the features and
 * lib/openapi/build.ts turns them into one OpenAPI 3.1 document with zod 4's own JSON Schema output.
 */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export const HTTP_METHODS: readonly HttpMethod[] = ["get", "post", "put", "patch", "delete"];

/**
 * Names a (response or input) schema so the document publishes it once under components.schemas
 * and references it wherever it appears. Returns the same schema. The id lives in zod's global
 * registry beside .describe() texts, which the JSON Schema output reads from there.
 */
export function named<T extends z.ZodType>(name: string, schema: T): T {
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id: name });
  return schema;
}

/** The envelope of every list: `{items, nextCursor}`. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
  });
}

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("Page size (default 50, at most 500)."),
  cursor: z.string().max(500).optional().describe("The nextCursor of the previous page."),
});

/** Instants are ISO 8601 strings in UTC in JSON. */
export const instant = z.iso
  .datetime({ offset: true })
  .describe("ISO 8601 instant in UTC, e.g. 2027-03-14T08:00:00Z");

export interface ResponseSpec {
  description: string;
  /** JSON body; omit for an empty response. */
  schema?: z.ZodType;
  /** Defaults to application/json. Use e.g. "text/calendar" with a string schema for other formats. */
  contentType?: string;
  headers?: Record<string, { description: string; schema: { type: string } }>;
}

export interface OperationSpec {
  summary: string;
  description?: string;
  /** Defaults to [feature]. */
  tags?: string[];
  /** false for public endpoints; otherwise a bearer token (or the portal's session cookie) is required. */
  auth?: boolean;
  /** Path parameters; any {name} in the path not described here is documented as a plain string. */
  path?: z.ZodObject;
  query?: z.ZodObject;
  headers?: { name: string; description: string; required?: boolean }[];
  body?: z.ZodType;
  /** Defaults to application/json. */
  bodyContentType?: string;
  /** Success responses by status. */
  responses: Record<number, ResponseSpec>;
  /**
   * Problem statuses the operation may answer. 401 is added when auth is on, 500 always;
   * list the rest (400 malformed JSON, 403, 404, 409, 413, 422, 429…).
   */
  errors?: number[];
}

export type PathSpec = Partial<Record<HttpMethod, OperationSpec>>;

export interface FeaturePaths {
  feature: string;
  description?: string;
  paths: Record<string, PathSpec>;
}

/** Declares the paths of one feature. Keys are full paths as served, e.g. "/api/v1/sites/{code}". */
export function definePaths(
  feature: string,
  paths: Record<string, PathSpec>,
  description?: string,
): FeaturePaths {
  return { feature, paths, description };
}

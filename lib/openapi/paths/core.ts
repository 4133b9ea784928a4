import { z } from "zod";
import { SITE_ROLES } from "@/lib/domain/constants";
import { createAreaSchema, createSiteSchema } from "@/lib/schemas/sites";
import { TOKEN_SCOPES } from "@/lib/domain/token-scopes";
import { createTokenSchema } from "@/lib/schemas/tokens";
import { definePaths, instant, named, page, paginationQuery } from "../registry";

const role = z.enum(SITE_ROLES);

export const meResponse = named(
  "Me",
  z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean().describe("Administers users and sites; grants no site role by itself."),
    roles: z.array(z.object({ siteCode: z.string(), role })),
  }),
);

const area = named("Area", z.object({ code: z.string(), name: z.string() }));
export const siteResponse = named(
  "Site",
  z.object({
    code: z.string(),
    name: z.string(),
    timeZone: z.string().describe("IANA time zone, e.g. America/Chicago"),
    areas: z.array(area),
  }),
);

const tokenFields = {
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the token, to recognise it."),
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .describe("read: GET only; write: every change except signing; sign: the sign-off endpoint."),
  parentTokenId: z.uuid().nullable().describe("The token this one was created with; revoked with it."),
  createdAt: instant,
  expiresAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
  status: z.enum(["active", "expired", "revoked"]),
};
export const tokenResponse = named("Token", z.object(tokenFields));
export const createdTokenResponse = named(
  "CreatedToken",
  z.object({
    ...tokenFields,
    userEmail: z.string(),
    token: z.string().describe("The secret: shown in this response only, never again."),
  }),
);

const siteCodePath = z.object({ code: z.string().describe("Site code, e.g. GCR") });

export default definePaths(
  "core",
  {
    "/api/v1/health": {
      get: {
        summary: "Liveness and database reachability",
        auth: false,
        responses: {
          200: {
            description: "Up",
            schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }),
          },
        },
        errors: [503],
      },
    },
    "/api/v1/openapi.json": {
      get: {
        summary: "This document",
        auth: false,
        responses: {
          200: {
            description: "The OpenAPI 3.1 description of the API",
            schema: z
              .object({ openapi: z.string() })
              .catchall(z.unknown().describe("The rest of the document, as OpenAPI 3.1 defines it")),
          },
        },
      },
    },
    "/api/v1/me": {
      get: {
        summary: "The caller, with their roles per site",
        responses: { 200: { description: "The caller", schema: meResponse } },
      },
    },
    "/api/v1/sites": {
      get: {
        summary: "Sites visible to the caller, with time zone and areas",
        description: "Sites where the caller holds a role; administrators see every site.",
        query: paginationQuery,
        responses: { 200: { description: "A page of sites", schema: page(siteResponse) } },
        errors: [422],
      },
      post: {
        summary: "Create a site (administrators)",
        body: named("CreateSite", createSiteSchema),
        responses: { 201: { description: "Created", schema: siteResponse } },
        errors: [400, 403, 409, 413, 422],
      },
    },
    "/api/v1/sites/{code}": {
      get: {
        summary: "One site",
        path: siteCodePath,
        responses: { 200: { description: "The site", schema: siteResponse } },
        errors: [404],
      },
    },
    "/api/v1/sites/{code}/areas": {
      post: {
        summary: "Add an area to a site (administrators)",
        path: siteCodePath,
        body: named("CreateArea", createAreaSchema),
        responses: { 201: { description: "Created", schema: area } },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/tokens": {
      get: {
        summary: "The caller's API tokens, newest first",
        query: paginationQuery,
        responses: {
          200: { description: "A page of tokens (never their secrets)", schema: page(tokenResponse) },
        },
        errors: [403, 422],
      },
      post: {
        summary: "Create an API token acting as the caller",
        description:
          '`days` defaults to 90, at most 365. `scopes` defaults to `["read", "write"]`. A token used to call this cannot mint one that outlives it or has a scope it lacks (403), and the new token is revoked when that token is.',
        body: named("CreateToken", createTokenSchema),
        responses: {
          201: {
            description: "Created; the secret is in `token` and is not shown again",
            schema: createdTokenResponse,
          },
        },
        errors: [400, 403, 413, 422],
      },
    },
    "/api/v1/tokens/{id}": {
      delete: {
        summary: "Revoke one of the caller's tokens",
        path: z.object({ id: z.uuid() }),
        responses: { 200: { description: "The revoked token", schema: tokenResponse } },
        errors: [404],
      },
    },
  },
  "Caller, sites, tokens and the audit chain",
);

import { buildDocument, type OpenApiDocument } from "./build";
import advisories from "./paths/advisories";
import assets from "./paths/assets";
import audit from "./paths/audit";
import catalog from "./paths/catalog";
import board from "./paths/board";
import changes from "./paths/changes";
import compliance from "./paths/compliance";
import delegations from "./paths/delegations";
import gateChecks from "./paths/gate-checks";
import core from "./paths/core";
import notifications from "./paths/notifications";
import schedule from "./paths/schedule";
import type { FeaturePaths } from "./registry";

/**
 * Every feature's paths. To publish yours: write lib/openapi/paths/<feature>.ts exporting
 * `default definePaths("<feature>", {...})`, then add it to this list (one import, one entry).
 */
export const FEATURES: FeaturePaths[] = [
  core,
  audit,
  assets,
  schedule,
  changes,
  catalog,
  delegations,
  gateChecks,
  compliance,
  advisories,
  notifications,
  board,
];

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument(FEATURES, {
    title: "Interlock REST API",
    version: "1",
    description:
      "Governed security changes to operational technology. JSON in and out; errors are application/problem+json (RFC 9457); " +
      "lists are `{items, nextCursor}` with `?limit=` and `?cursor=`. Authenticate with `Authorization: Bearer <token>`.",
  });
  return cached;
}

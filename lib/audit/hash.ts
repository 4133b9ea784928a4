import { createHash } from "node:crypto";

/** JSON with recursively sorted keys, so the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const GENESIS_HASH = "0".repeat(64);

export interface HashedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  siteId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

/** hash(n) = SHA-256(prevHash || canonical(event n)): altering any event breaks every later link. */
export function chainHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    siteId: e.siteId,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason,
    ip: e.ip,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

import crypto from "node:crypto";

/**
 * JSON with recursively sorted keys, so the same event always hashes the same way. Written with
 * plain loops: verification runs it for every stored before/after, millions of times.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      // A hole stays empty, as Array.prototype.map and join leave it.
      if (i in value) out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units: code point order for keys, never the locale's.
  const keys = Object.keys(record).sort();
  let out = "{";
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
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

/** `"key":value` for a member of the event object; nothing for undefined, as canonicalJson drops it. */
const member = (key: string, v: unknown) => (v === undefined ? "" : `,"${key}":${canonicalJson(v)}`);

/**
 * canonicalJson of the hashed fields, the members written out in their sorted order
 * (action < actorEmail < actorId < after < at < before < id < ip < objectId < objectType < reason
 * < siteId) instead of sorting twelve keys per event; hash.test.ts holds it to canonicalJson.
 */
export function eventBody(e: HashedFields): string {
  const body =
    member("action", e.action) +
    member("actorEmail", e.actorEmail) +
    member("actorId", e.actorId) +
    member("after", e.after ?? null) +
    member("at", e.at.toISOString()) +
    member("before", e.before ?? null) +
    member("id", e.id) +
    member("ip", e.ip) +
    member("objectId", e.objectId) +
    member("objectType", e.objectType) +
    member("reason", e.reason) +
    member("siteId", e.siteId);
  return `{${body.slice(1)}}`;
}

/** SHA-256 in hex, one call into OpenSSL (crypto.hash where Node has it). */
const sha256Hex: (data: string) => string =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "hex")
    : (data) => crypto.createHash("sha256").update(data).digest("hex");

/** hash(n) = SHA-256(prevHash || "\n" || canonical(event n)): altering any event breaks every later link. */
export function chainHash(prevHash: string, e: HashedFields): string {
  return sha256Hex(`${prevHash}\n${eventBody(e)}`);
}

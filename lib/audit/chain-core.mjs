// The chain's hashing rule, in plain JavaScript so that verification's worker threads can load
// this very file (outside the bundler and TypeScript) while the portal appends with it too: one
// rule, one place. Types: chain-core.d.mts; the TypeScript face is hash.ts.
import crypto from "node:crypto";
import { isMainThread, parentPort, workerData } from "node:worker_threads";

/**
 * JSON with recursively sorted keys, so the same event always hashes the same way. Written with
 * plain loops: verification runs it for every stored before/after, millions of times.
 */
export function canonicalJson(value) {
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
  // Default sort compares UTF-16 code units: code point order for keys, never the locale's.
  const keys = Object.keys(value).sort();
  let out = "{";
  for (const k of keys) {
    const v = value[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

export const GENESIS_HASH = "0".repeat(64);

/** `"key":value` for a member of the event object; nothing for undefined, as canonicalJson drops it. */
const member = (key, v) => (v === undefined ? "" : `,"${key}":${canonicalJson(v)}`);

/**
 * canonicalJson of the hashed fields, the members written out in their sorted order
 * (action < actorEmail < actorId < after < at < before < id < ip < objectId < objectType < reason
 * < siteId) instead of sorting twelve keys per event; hash.test.ts holds it to canonicalJson.
 */
export function eventBody(e) {
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
const sha256Hex =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "hex")
    : (data) => crypto.createHash("sha256").update(data).digest("hex");

/** hash(n) = SHA-256(prevHash || "\n" || canonical(event n)): altering any event breaks every later link. */
export function chainHash(prevHash, e) {
  return sha256Hex(`${prevHash}\n${eventBody(e)}`);
}

/**
 * The stored columns of an event in the order of a batch's JSON tuples (chain-read.ts asks the
 * database for them in this order).
 */
export const CHAIN_COLUMNS = [
  "id",
  "at",
  "actor_id",
  "actor_email",
  "action",
  "object_type",
  "object_id",
  "site_id",
  "before",
  "after",
  "reason",
  "ip",
  "prev_hash",
  "hash",
];

/** PostgreSQL's text of a timestamptz in UTC with at most milliseconds, from the year 1000 on. */
const PG_UTC_MS = /^([1-9]\d{3}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?\+00$/;

/**
 * `new Date(text).toISOString()` for a stored time: the common form rewritten as text (the
 * server omits trailing zeros of the fraction), any other (microseconds, an offset, early years)
 * through Date as before. Throws, as Date does, on a time no Date can hold.
 */
export function storedIso(text) {
  const m = PG_UTC_MS.exec(text);
  if (m === null) return new Date(text).toISOString();
  return `${m[1]}T${m[2]}.${m[3] === undefined ? "000" : m[3].padEnd(3, "0")}Z`;
}

const UNSORTABLE = Symbol("unsortable");

/**
 * A JSON.parse result whose every object has its keys in canonicalJson's order, so that
 * JSON.stringify writes exactly canonicalJson's text: objects already in order are kept, others
 * copied in order. UNSORTABLE when a copy cannot hold that order (integer-like keys, which
 * objects always list first, or "__proto__"); the caller then writes the canonical text itself.
 */
function inCanonicalOrder(v) {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let out = v;
    for (let i = 0; i < v.length; i++) {
      const x = inCanonicalOrder(v[i]);
      if (x === UNSORTABLE) return UNSORTABLE;
      if (x !== v[i]) {
        if (out === v) out = v.slice();
        out[i] = x;
      }
    }
    return out;
  }
  const keys = Object.keys(v);
  let same = true;
  for (let i = 1; i < keys.length && same; i++) same = keys[i - 1] < keys[i];
  const order = same ? keys : keys.slice().sort();
  const values = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const x = inCanonicalOrder(v[order[i]]);
    if (x === UNSORTABLE) return UNSORTABLE;
    values[i] = x;
    if (x !== v[order[i]]) same = false;
  }
  if (same) return v;
  const out = {};
  for (let i = 0; i < order.length; i++) out[order[i]] = values[i];
  const written = Object.keys(out);
  if (written.length !== order.length) return UNSORTABLE;
  for (let i = 0; i < order.length; i++) if (written[i] !== order[i]) return UNSORTABLE;
  return out;
}

/**
 * eventBody of a stored tuple (values as JSON.parse gave them) in one JSON.stringify call: the
 * members in eventBody's order, undefined ones left out as eventBody leaves them, and payloads
 * put in canonical key order. chain-core.test.ts holds it to eventBody on awkward payloads.
 */
export function storedBody(t) {
  const before = inCanonicalOrder(t[8] ?? null);
  const after = inCanonicalOrder(t[9] ?? null);
  if (before === UNSORTABLE || after === UNSORTABLE)
    // Converted as the query builder converts the row: bigint to number, timestamptz text to a Date.
    return eventBody({
      id: Number(t[0]),
      at: new Date(t[1]),
      actorId: t[2],
      actorEmail: t[3],
      action: t[4],
      objectType: t[5],
      objectId: t[6],
      siteId: t[7],
      before: t[8],
      after: t[9],
      reason: t[10],
      ip: t[11],
    });
  return JSON.stringify({
    action: t[4],
    actorEmail: t[3],
    actorId: t[2],
    after,
    at: storedIso(t[1]),
    before,
    id: Number(t[0]),
    ip: t[11],
    objectId: t[6],
    objectType: t[5],
    reason: t[10],
    siteId: t[7],
  });
}

/** The hash of a stored tuple, or null when it cannot be hashed (a stored time no Date can hold). */
function tupleHash(t) {
  try {
    return sha256Hex(`${t[12]}\n${storedBody(t)}`);
  } catch {
    return null;
  }
}

/**
 * Checks one batch on its own: each event's id follows the one before it, links to its stored
 * hash, and hashes (from its own stored previous hash) to its stored hash. Every event's check
 * needs only its own row and the row before it, so batches can be checked in any order and in
 * parallel; the caller checks the batch's first link and checkpoints. Returns the first problem
 * by position, and the stored hashes of the events `wanted` (the checkpoints' events).
 */
export function checkBatch(text, wanted) {
  const rows = JSON.parse(text);
  const want = new Set(wanted);
  const hashes = {};
  let problem = null;
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i];
    const id = Number(t[0]);
    if (i > 0 && id !== Number(rows[0][0]) + i) problem = { index: i, kind: "gap", id };
    else if (i > 0 && t[12] !== rows[i - 1][13]) problem = { index: i, kind: "link", id };
    else if (t[13] !== tupleHash(t)) problem = { index: i, kind: "hash", id };
    if (problem) break;
    if (want.has(id)) hashes[id] = t[13];
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    count: rows.length,
    firstId: first ? Number(first[0]) : null,
    firstPrev: first ? first[12] : null,
    lastHash: last ? last[13] : null,
    problem,
    hashes,
  };
}

// Started as a verification worker (chain-workers.ts): check each batch handed over, in order.
if (!isMainThread && workerData?.interlockChainCheck && parentPort) {
  parentPort.on("message", ({ text, wanted }) => {
    try {
      parentPort.postMessage({ ok: true, result: checkBatch(text, wanted) });
    } catch (e) {
      parentPort.postMessage({ ok: false, error: String(e) });
    }
  });
}

// Verification's fast path (storedBody, storedIso) must write exactly what the general path
// (eventBody over the row as the query builder converts it) writes, or stored hashes stop matching.
import { describe, expect, it } from "vitest";
import { eventBody, storedBody, storedIso } from "./chain-core.mjs";

/** jsonb's own key order (shorter keys first, then bytewise), as a stored payload comes back. */
function jsonbText(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jsonbText).join(", ")}]`;
  const keys = Object.keys(v).sort((a, b) => {
    const [x, y] = [Buffer.from(a), Buffer.from(b)];
    return x.length - y.length || Buffer.compare(x, y);
  });
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((v as Record<string, unknown>)[k])}`).join(", ")}}`;
}

const payloads: unknown[] = [
  null,
  { n: 2, field: "value" },
  { b: 1, a: { d: [1, { z: 1, y: 2 }], c: "x" } },
  { already: 1, in: 2, order: 3 },
  { reason: 'Quote " backslash \\ tab \t newline \n ünïcödé ✓ 😀 \u2028 \u0001 \u007f', n: -12.5 },
  // Integer-like keys: objects list them first whatever the insertion order (the slow path's case).
  { "10": "integer-like", "2": "keys", "-1": "not an index", "01": "nor this", B: 1, _: 2, a: 3 },
  { nested: [{ "7": 1, x: 2 }], later: true },
  { ["__proto__"]: { polluted: true }, a: 1 },
  // Astral against late-BMP keys: UTF-16 order (canonicalJson's) differs from code point order.
  { "😀": 1, "\uffff": 2, é: 3, e: 4, E: 5, "": 6 },
  { big: 1e21, small: 1.5e-7, tiny: 5e-324, neg: -0, frac: 0.1, int: 12345678901234567890, exp: 2e-6 },
  ["top", "level", 3, null, false, [], {}],
  'a string that looks like {"json": true}',
  42,
  { empty: {}, list: [], zero: 0, f: false, t: true, nil: null },
  { deep: { deeper: { deepest: { z: [{ b: 2, a: 1 }], a: "x" } } } },
  { lone: "\ud800 surrogate", pair: "\ud83d\ude00" },
];

/** A stored tuple in CHAIN_COLUMNS order, as a batch's JSON.parse gives it. */
const tuple = (before: unknown, after: unknown, extra: Partial<Record<number, unknown>> = {}) => {
  const t: unknown[] = [
    7,
    "2027-03-14 08:00:00.12+00",
    "00000000-0000-4000-8000-000000000001",
    "dana@example.test",
    "change.update",
    "change",
    "c-1",
    null,
    "@B",
    "@A",
    null,
    "10.0.0.1",
    "0".repeat(64),
    "f".repeat(64),
  ];
  for (const [i, v] of Object.entries(extra)) t[Number(i)] = v;
  const text = JSON.stringify(t)
    .replace('"@B"', () => jsonbText(before))
    .replace('"@A"', () => jsonbText(after));
  return JSON.parse(text) as unknown[];
};

/** The general path: the row as the query builder converts it, written by eventBody. */
const general = (t: unknown[]) =>
  eventBody({
    id: Number(t[0]),
    at: new Date(t[1] as string),
    actorId: t[2] as string | null,
    actorEmail: t[3] as string | null,
    action: t[4] as string,
    objectType: t[5] as string,
    objectId: t[6] as string | null,
    siteId: t[7] as string | null,
    before: t[8],
    after: t[9],
    reason: t[10] as string | null,
    ip: t[11] as string | null,
  });

describe("storedBody", () => {
  it.each(payloads.map((p, i) => [i, p]))(
    "writes eventBody's text (payload %i, in jsonb's key order)",
    (i, p) => {
      const t = tuple(p, payloads[(i + 1) % payloads.length]);
      expect(storedBody(t)).toBe(general(t));
    },
  );

  it("writes eventBody's text with null and unusual members", () => {
    for (const extra of [
      { 2: null, 3: null, 6: null, 7: null, 10: null, 11: null },
      { 10: "Reason with \u0000\u001f controls and ✓", 3: "ünïcödé@example.test" },
      { 0: "9007199254740993" },
    ]) {
      const t = tuple({ b: 1, a: 2 }, null, extra);
      expect(storedBody(t)).toBe(general(t));
    }
  });

  it("leaves no key order to chance: the same payload in any order writes the same text", () => {
    const a = tuple(null, { x: 1, b: [2, { d: 1, c: 2 }], a: "é" });
    const b = tuple(null, { a: "é", b: [2, { c: 2, d: 1 }], x: 1 });
    expect(storedBody(a)).toBe(storedBody(b));
  });
});

describe("storedIso", () => {
  const samples = [
    "2027-03-14 08:00:00+00",
    "2027-03-14 08:00:00.1+00",
    "2027-03-14 08:00:00.12+00",
    "2027-03-14 08:00:00.123+00",
    "2027-03-14 08:00:00.1234+00",
    "2027-03-14 08:00:00.123456+00",
    "2027-12-31 23:59:59.999+00",
    "2028-02-29 12:00:00.5+00",
    "1000-01-01 00:00:00+00",
    "0999-12-31 23:59:59.9+00",
    "2027-03-14 09:00:00+01",
    "2027-03-14 08:00:00+05:30",
  ];
  it.each(samples)("is new Date(text).toISOString() for %s", (text) => {
    expect(storedIso(text)).toBe(new Date(text).toISOString());
  });

  it("is new Date(text).toISOString() across a spread of instants and fraction lengths", () => {
    for (let i = 0; i < 2000; i++) {
      // From 1970 to 9999, with every millisecond value 0-999 among them.
      const ms = ((i * 126_247_697_017) % 253_402_300_799_000) + (i % 1000);
      const iso = new Date(ms).toISOString();
      const frac = iso.slice(20, 23).replace(/0+$/, "");
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ""}+00`;
      expect(storedIso(text)).toBe(iso);
    }
  });

  it("throws as Date does on a time no Date can hold", () => {
    expect(() => storedIso("not a time")).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { GENESIS_HASH, canonicalJson, chainHash, eventBody, type HashedFields } from "./hash";

const base: HashedFields = {
  id: 1,
  at: new Date("2027-03-14T08:00:00.000Z"),
  actorId: "00000000-0000-4000-8000-000000000001",
  actorEmail: "dana@example.test",
  action: "change.create",
  objectType: "change",
  objectId: "c-1",
  siteId: "00000000-0000-4000-8000-000000000002",
  before: null,
  after: { title: "Patch PLC", assets: ["a", "b"] },
  reason: null,
  ip: "10.0.0.1",
};

describe("canonicalJson", () => {
  it("sorts keys recursively, so insertion order does not matter", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("writes dates as ISO instants and drops undefined members", () => {
    expect(canonicalJson({ at: new Date("2027-01-01T00:00:00Z"), gone: undefined })).toBe(
      '{"at":"2027-01-01T00:00:00.000Z"}',
    );
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson(null)).toBe("null");
  });

  it("keeps array order and escapes strings as JSON", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson({ s: 'a"b\n<script>' })).toBe('{"s":"a\\"b\\n<script>"}');
  });

  it("orders keys by code point, not locale", () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4 })).toBe('{"B":2,"_":4,"a":3,"b":1}');
  });
});

describe("chainHash", () => {
  it("is a stable SHA-256 hex digest", () => {
    const h = chainHash(GENESIS_HASH, base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...base, after: { assets: ["a", "b"], title: "Patch PLC" } })).toBe(h);
  });

  it("starts from a genesis of 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
    expect(chainHash(GENESIS_HASH, base)).not.toBe(chainHash("f".repeat(64), base));
  });

  const changes: [keyof HashedFields, unknown][] = [
    ["id", 2],
    ["at", new Date("2027-03-14T08:00:00.001Z")],
    ["actorId", null],
    ["actorEmail", "mallory@example.test"],
    ["action", "change.cancel"],
    ["objectType", "asset"],
    ["objectId", "c-2"],
    ["siteId", null],
    ["before", { title: "x" }],
    ["after", { title: "Patch PLC", assets: ["b", "a"] }],
    ["reason", "because"],
    ["ip", "10.0.0.2"],
  ];
  it.each(changes)("changes when %s changes", (field, value) => {
    expect(chainHash(GENESIS_HASH, { ...base, [field]: value })).not.toBe(chainHash(GENESIS_HASH, base));
  });

  it("links: altering an earlier event changes every later hash", () => {
    const chain = (events: HashedFields[]) =>
      events.reduce<string[]>((acc, e) => [...acc, chainHash(acc[acc.length - 1] ?? GENESIS_HASH, e)], []);
    const events = [base, { ...base, id: 2 }, { ...base, id: 3 }];
    const original = chain(events);
    const tampered = chain([{ ...base, reason: "edited" }, ...events.slice(1)]);
    expect(tampered.every((h, i) => h !== original[i])).toBe(true);
  });

  it("treats a missing before/after like null, as jsonb stores it", () => {
    expect(chainHash(GENESIS_HASH, { ...base, before: undefined })).toBe(chainHash(GENESIS_HASH, base));
  });
});

describe("eventBody", () => {
  // Awkward stored payloads: nesting, escapes, unicode, integer-like keys, numbers, bare values.
  const payloads: unknown[] = [
    null,
    { b: 1, a: { d: [1, { z: 1, y: 2 }], c: "x" } },
    { reason: 'Quote " backslash \\ tab \t newline \n ünïcödé ✓ 😀 \u2028 \u0001', n: -12.5, big: 1e21 },
    { "10": "integer-like keys", "2": "sort as text", B: 1, _: 2, a: 3, é: 4, gone: undefined },
    ["top", "level", 3, null, false],
    'a string that looks like {"json": true}',
    42,
    { empty: {}, list: [], zero: 0 },
  ];
  it.each(payloads.map((p, i) => [i, p]))("is canonicalJson of the event (payload %i)", (_, payload) => {
    const e = {
      ...base,
      before: payload,
      after: payloads[(payloads.indexOf(payload) + 1) % payloads.length],
    };
    expect(eventBody(e)).toBe(
      canonicalJson({ ...e, at: e.at.toISOString(), before: e.before ?? null, after: e.after ?? null }),
    );
  });

  it("is canonicalJson with null members, and without undefined ones", () => {
    const e = { ...base, actorId: null, reason: undefined as unknown as null };
    expect(eventBody(e)).toBe(canonicalJson({ ...e, at: e.at.toISOString() }));
    expect(eventBody(e)).not.toContain('"reason"');
  });

  it("keeps every stored hash: SHA-256 of prevHash, a line feed and the body, as first written", () => {
    // The digest of `base` as chainHash computed it before the hand-ordered body (session 7).
    expect(chainHash(GENESIS_HASH, base)).toBe(
      "70eca4c834f297bf93aa0abf988f09b7723f19fd3fd14be5ab17ec67b48f1b04",
    );
    const body = canonicalJson({ ...base, at: base.at.toISOString() });
    expect(chainHash(GENESIS_HASH, base)).toBe(
      createHash("sha256").update(GENESIS_HASH).update("\n").update(body).digest("hex"),
    );
  });
});

describe("canonicalJson arrays", () => {
  it("leaves holes empty, as map and join did, and writes undefined elements as null", () => {
    expect(canonicalJson([, 2])).toBe("[,2]");
    expect(canonicalJson([undefined, 2])).toBe("[null,2]");
  });
});

import { describe, expect, it } from "vitest";
import { fieldDiff } from "./field-diff";

describe("field diff of an audit event", () => {
  it("lines up the fields of an edit", () => {
    expect(fieldDiff({ title: "Old", risk: "low" }, { title: "New", risk: "low" })).toEqual([
      { field: "title", before: "Old", after: "New", changed: true },
      { field: "risk", before: "low", after: "low", changed: false },
    ]);
  });

  it("shows creations and removals against an empty side, nested values as JSON", () => {
    expect(fieldDiff(null, { grants: [{ siteCode: "GCR", role: "auditor" }], isAdmin: false })).toEqual([
      { field: "grants", before: null, after: '[{"siteCode":"GCR","role":"auditor"}]', changed: true },
      { field: "isAdmin", before: null, after: "false", changed: true },
    ]);
    expect(fieldDiff({ role: "safety" }, null)).toEqual([
      { field: "role", before: "safety", after: null, changed: true },
    ]);
  });

  it("handles values that are not objects, and events without either side", () => {
    expect(fieldDiff(null, null)).toEqual([]);
    expect(fieldDiff(["a"], ["a", "b"])).toEqual([
      { field: "(value)", before: '["a"]', after: '["a","b"]', changed: true },
    ]);
  });
});

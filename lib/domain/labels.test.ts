import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { LABEL_TABLES } from "./label-tables";
import * as L from "./labels";

/** What a code looks like and a label must not: snake_case, dotted actions, a bare lower-case word. */
const CODE_LIKE = /[_.]|^[a-z]+$/;

describe.each(LABEL_TABLES.map((t) => [t.name, t] as const))("%s labels", (_name, t) => {
  const { codes, labels: table } = t;
  it("has words for every code and for nothing else", () => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });

  it.each([...codes])("%s reads as words, not as a code", (code) => {
    const label = table[code]!;
    expect(label.trim()).toBe(label);
    expect(label).not.toBe("");
    if (t.sentenceCase !== false) {
      expect(label).not.toMatch(CODE_LIKE);
      expect(label.charAt(0)).toBe(label.charAt(0).toUpperCase());
    } else {
      expect(label).not.toMatch(/[_.]/);
    }
  });

  if (t.distinct !== false)
    it("gives each code its own words", () => {
      expect(new Set(Object.values(table)).size).toBe(codes.length);
    });
});

describe("history action labels", () => {
  it("name only real actions, in words", () => {
    for (const [action, label] of Object.entries(L.HISTORY_ACTION_LABELS)) {
      expect(AUDIT_ACTIONS).toContain(action);
      expect(label).not.toMatch(CODE_LIKE);
    }
  });

  it("fall back to the trail's words, and an unknown code shows as it is", () => {
    expect(L.historyActionLabel("change.submit")).toBe("Submitted");
    expect(L.historyActionLabel("user.create")).toBe(L.ACTION_LABELS["user.create"]);
    expect(L.historyActionLabel("future.action")).toBe("future.action");
  });
});

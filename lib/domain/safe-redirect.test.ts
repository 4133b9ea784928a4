import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%2F/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "https:evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "\t//evil.example",
    "evil.example",
    "",
    undefined,
    ["//evil.example"],
  ])("keeps %j on this portal", (raw) => {
    const path = safeCallbackPath(raw);
    expect(path.startsWith("/")).toBe(true);
    // However a browser reads it, the result resolves to this origin.
    expect(new URL(path, "https://portal.example").origin).toBe("https://portal.example");
    expect(path).not.toMatch(/evil/);
  });

  it.each([
    ["/", "/"],
    ["/changes/123?tab=signoffs#s1", "/changes/123?tab=signoffs#s1"],
    ["/calendar?view=week&site=GCR", "/calendar?view=week&site=GCR"],
    ["/assets/PLC%20101", "/assets/PLC%20101"],
  ])("keeps the portal path %j", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});

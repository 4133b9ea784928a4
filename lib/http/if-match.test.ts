import { describe, expect, it } from "vitest";
import { ServiceError } from "@/lib/services/base/errors";
import { etag, ifMatchVersion } from "./if-match";

function refusal(f: () => unknown): ServiceError {
  try {
    f();
  } catch (e) {
    if (e instanceof ServiceError) return e;
  }
  throw new Error("expected a ServiceError");
}

describe("ifMatchVersion: one If-Match reader for changes, assets, windows and runs", () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ["3", 3],
    ['  "12" ', 12],
  ])("reads %s as %d", (header, version) => {
    expect(ifMatchVersion(header, "change's version")).toBe(version);
    expect(ifMatchVersion(header, "change's version", { required: true })).toBe(version);
  });

  it("absent or * means any version where the version is optional", () => {
    expect(ifMatchVersion(null, "asset's rowVersion")).toBeUndefined();
    expect(ifMatchVersion("*", "asset's rowVersion")).toBeUndefined();
  });

  it("absent, empty or * is a 428 where an edit must name the version it read", () => {
    for (const header of [null, "", " ", "*"]) {
      const e = refusal(() => ifMatchVersion(header, "change's version", { required: true }));
      expect(e.code).toBe("precondition_required");
      expect(e.message).toContain("change's version");
    }
  });

  it("anything else is a 400 naming what the number is", () => {
    for (const header of ['"abc"', '"1", "2"', "", '"1234567890"']) {
      const e = refusal(() => ifMatchVersion(header, "window's sequence"));
      expect(e.code).toBe("bad_request");
      expect(e.message).toBe('If-Match must be the window\'s sequence, for example If-Match: "3".');
    }
  });

  it("etag quotes the version", () => {
    expect(etag(7)).toBe('"7"');
  });
});

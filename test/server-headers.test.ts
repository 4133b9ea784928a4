import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "@/scripts/response-headers.mjs";

describe("Strict-Transport-Security (added by scripts/server.mjs)", () => {
  it("is sent only when the public URL is https", () => {
    expect(strictTransportSecurity("https://interlock.plant.example")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
    expect(strictTransportSecurity("not a url")).toBeNull();
  });
});

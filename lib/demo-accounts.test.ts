import { describe, expect, it } from "vitest";
import { demoMode } from "./demo-accounts";

describe("demo mode", () => {
  it("is on by default only on the embedded database", () => {
    expect(demoMode({})).toBe(true);
    expect(demoMode({ DATABASE_URL: "postgres://db/interlock" })).toBe(false);
  });
  it("INTERLOCK_DEMO=1 turns it on with PostgreSQL; 0 turns it off anywhere", () => {
    expect(demoMode({ DATABASE_URL: "postgres://db/interlock", INTERLOCK_DEMO: "1" })).toBe(true);
    expect(demoMode({ INTERLOCK_DEMO: "0" })).toBe(false);
    expect(demoMode({ INTERLOCK_DEMO: "false", DATABASE_URL: "postgres://x" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { actorLabel, isPersonActor } from "./labels";

describe("actorLabel", () => {
  it.each<[string | null, string | null, string]>([
    ["cli:root@vm", null, "Command line (vm)"],
    [
      "cli:ops@plant-historian-01",
      "Command line (ops@plant-historian-01)",
      "Command line (plant-historian-01)",
    ],
    ["cli:", null, "Command line"],
    [null, null, "Interlock (automatic)"],
    ["dana.ruiz@gcr.demo", "Dana Ruiz", "Dana Ruiz"],
    ["dana.ruiz@gcr.demo", null, "dana.ruiz@gcr.demo"],
  ])("%s (%s) → %s", (email, name, label) => {
    expect(actorLabel(email, name)).toBe(label);
    expect(label).not.toMatch(/cli:/);
  });

  it("tells people from the command line", () => {
    expect(isPersonActor("cli:root@vm")).toBe(false);
    expect(isPersonActor(null)).toBe(false);
    expect(isPersonActor("grace.okafor@corp.demo")).toBe(true);
  });
});

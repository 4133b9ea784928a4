import { describe, expect, it } from "vitest";
import { implementerEmailOf } from "./implementer-input";

const people = [
  { email: "dana.ruiz@gcr.demo", name: "Dana Ruiz" },
  { email: "j.smith@gcr.demo", name: "Jo Smith" },
  { email: "jo.smith@rhp.demo", name: "Jo Smith" },
];

describe("implementerEmailOf", () => {
  it.each<[unknown, string | null]>([
    ["dana.ruiz@gcr.demo", "dana.ruiz@gcr.demo"],
    ["  Dana Ruiz ", "dana.ruiz@gcr.demo"],
    ["dana ruiz", "dana.ruiz@gcr.demo"],
    ["Jo Smith", "Jo Smith"],
    ["Nobody Here", "Nobody Here"],
    ["", null],
    ["   ", null],
    [null, null],
  ])("%j → %j", (typed, email) => {
    expect(implementerEmailOf(typed, people)).toBe(email);
  });
});

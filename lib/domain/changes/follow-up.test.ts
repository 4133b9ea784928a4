import { describe, expect, it } from "vitest";
import { CHANGE_STATES } from "@/lib/domain/constants";
import { FOLLOWABLE_STATES, followUpRefusal } from "./follow-up";

describe("followUpRefusal", () => {
  it.each(CHANGE_STATES.map((s) => [s]))("%s", (state) => {
    const refusal = followUpRefusal(state);
    if (state === "failed" || state === "rolled_back") expect(refusal).toBeNull();
    else
      expect(refusal).toMatch(
        /^A follow-up names a change that failed or was rolled back; its state is [A-Z]/,
      );
  });

  it("names the two outcomes after which a change is followed up", () => {
    expect([...FOLLOWABLE_STATES].sort()).toEqual(["failed", "rolled_back"]);
  });
});

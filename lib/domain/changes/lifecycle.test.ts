import { describe, expect, it } from "vitest";
import { CHANGE_STATES, type ChangeState } from "../constants";
import { lifecycleSteps, type LifecycleFacts } from "./lifecycle";

const row = (f: LifecycleFacts) => lifecycleSteps(f).map((s) => `${s.label}:${s.status}`);

describe("lifecycleSteps", () => {
  it.each<[ChangeState, boolean, string[]]>([
    [
      "draft",
      true,
      [
        "Draft:current",
        "Submitted:upcoming",
        "Approved:upcoming",
        "In progress:upcoming",
        "Implemented:upcoming",
        "PSSR:upcoming",
        "Closed:upcoming",
      ],
    ],
    [
      "approved",
      false,
      [
        "Draft:done",
        "Submitted:done",
        "Approved:current",
        "In progress:upcoming",
        "Implemented:upcoming",
        "PSSR:skipped",
        "Closed:upcoming",
      ],
    ],
    [
      "pssr_pending",
      true,
      [
        "Draft:done",
        "Submitted:done",
        "Approved:done",
        "In progress:done",
        "Implemented:done",
        "PSSR:current",
        "Closed:upcoming",
      ],
    ],
    [
      "closed",
      true,
      [
        "Draft:done",
        "Submitted:done",
        "Approved:done",
        "In progress:done",
        "Implemented:done",
        "PSSR:done",
        "Closed:done",
      ],
    ],
  ])("%s (PSSR required: %s) on the main path", (state, pssrRequired, expected) => {
    expect(row({ state, pssrRequired })).toEqual(expected);
  });

  it.each<[LifecycleFacts, string[]]>([
    [{ state: "rejected", pssrRequired: true }, ["Draft:done", "Submitted:done", "Rejected:exit"]],
    [
      { state: "failed", pssrRequired: false },
      ["Draft:done", "Submitted:done", "Approved:done", "In progress:done", "Failed:exit"],
    ],
    [
      { state: "rolled_back", pssrRequired: true },
      ["Draft:done", "Submitted:done", "Approved:done", "In progress:done", "Rolled back:exit"],
    ],
    [{ state: "cancelled", pssrRequired: false }, ["Draft:done", "Cancelled:exit"]],
    [
      { state: "cancelled", pssrRequired: false, submittedAt: "2026-01-01T00:00:00Z" },
      ["Draft:done", "Submitted:done", "Cancelled:exit"],
    ],
    [
      {
        state: "cancelled",
        pssrRequired: false,
        submittedAt: "2026-01-01T00:00:00Z",
        approvedAt: "2026-01-02T00:00:00Z",
      },
      ["Draft:done", "Submitted:done", "Approved:done", "Cancelled:exit"],
    ],
  ])("side exit %o is marked where the change left the path", (facts, expected) => {
    expect(row(facts)).toEqual(expected);
  });

  it("exactly one step is current or the exit, except for a closed change", () => {
    const states = CHANGE_STATES.filter((s) => s !== "closed");
    for (const state of states) {
      const marked = lifecycleSteps({ state, pssrRequired: true }).filter(
        (s) => s.status === "current" || s.status === "exit",
      );
      expect(
        marked.map((s) => s.state),
        state,
      ).toEqual([state]);
    }
  });
});

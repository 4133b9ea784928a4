import { describe, expect, it } from "vitest";
import { submittedOnce } from "./scope-editor";

describe("submittedOnce", () => {
  it("is false for a new draft in its first round with no sign-offs", () => {
    expect(submittedOnce({ state: "draft", approvalRound: 1, signoffCount: 0 })).toBe(false);
  });
  it("is true once the change has left draft", () => {
    expect(submittedOnce({ state: "submitted", approvalRound: 1, signoffCount: 0 })).toBe(true);
    expect(submittedOnce({ state: "approved", approvalRound: 1, signoffCount: 2 })).toBe(true);
  });
  it("is true for a draft again after a rejection (new round) or a revision (sign-offs kept)", () => {
    expect(submittedOnce({ state: "draft", approvalRound: 2, signoffCount: 1 })).toBe(true);
    expect(submittedOnce({ state: "draft", approvalRound: 1, signoffCount: 2 })).toBe(true);
  });
});

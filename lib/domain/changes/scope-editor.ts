import type { ChangeState } from "../constants";

/**
 * PRODUCT.md "Separation of duties": whoever edits the scope of a change after its submission
 * counts as one of its requesters. A change has been submitted when it has left draft, or when
 * it is a draft again after a rejection or a revision: such a draft keeps at least one sign-off
 * row (superseded ones stay), since no change is approved or rejected without one. The approval
 * round alone cannot tell: a new change starts in round 1.
 */
export function submittedOnce(c: {
  state: ChangeState;
  approvalRound: number;
  signoffCount: number;
}): boolean {
  return c.state !== "draft" || c.approvalRound > 1 || c.signoffCount > 0;
}

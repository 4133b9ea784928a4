// Where a change stands on its way from draft to closed, for the change page's stepper: the
// main path as steps, and a side exit (rejected, cancelled, failed, rolled back) marked at the
// step where the change left the path.
import type { ChangeState } from "../constants";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";

/** The path a change takes when all goes well (CHANGE_STATES lists these first, then the exits). */
export const MAIN_PATH = [
  "draft",
  "submitted",
  "approved",
  "in_progress",
  "implemented",
  "pssr_pending",
  "closed",
] as const satisfies readonly ChangeState[];
type MainState = (typeof MAIN_PATH)[number];

export type StepStatus = "done" | "current" | "upcoming" | "skipped" | "exit";

export interface LifecycleStep {
  state: ChangeState;
  label: string;
  status: StepStatus;
}

export interface LifecycleFacts {
  state: ChangeState;
  pssrRequired: boolean;
  /** For a cancelled change: how far it had come (its submitted and approved instants). */
  submittedAt?: string | Date | null;
  approvedAt?: string | Date | null;
}

const STEP_LABELS: Record<MainState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  approved: "Approved",
  in_progress: "In progress",
  implemented: "Implemented",
  pssr_pending: "PSSR",
  closed: "Closed",
};

/** The last main-path step a change in a side-exit state had reached. */
function exitedAfter(f: LifecycleFacts): MainState {
  switch (f.state) {
    case "rejected":
      return "submitted";
    case "failed":
    case "rolled_back":
      return "in_progress";
    case "cancelled":
      return f.approvedAt ? "approved" : f.submittedAt ? "submitted" : "draft";
    default:
      return f.state as MainState;
  }
}

/**
 * The steps in order. On the main path, earlier steps are done and later ones upcoming; the PSSR
 * step is "skipped" when the change needs none. A side exit replaces the step after the one the
 * change reached with the exit itself, and the steps after it are left out.
 */
export function lifecycleSteps(f: LifecycleFacts): LifecycleStep[] {
  const onPath = (MAIN_PATH as readonly ChangeState[]).includes(f.state);
  const reached = MAIN_PATH.indexOf(exitedAfter(f));
  const steps: LifecycleStep[] = [];
  for (const [i, state] of MAIN_PATH.entries()) {
    const label = STEP_LABELS[state];
    if (!onPath && i > reached) {
      steps.push({ state: f.state, label: CHANGE_STATE_LABELS[f.state], status: "exit" });
      break;
    }
    const status: StepStatus =
      state === "pssr_pending" && !f.pssrRequired
        ? "skipped"
        : i < reached || (!onPath && i === reached)
          ? "done"
          : i === reached
            ? f.state === "closed"
              ? "done"
              : "current"
            : "upcoming";
    steps.push({ state, label, status });
  }
  return steps;
}

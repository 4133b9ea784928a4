import { Ban, Check, CircleDot, Circle, MinusCircle } from "lucide-react";
import { lifecycleSteps, type StepStatus } from "@/lib/domain/changes/lifecycle";
import { cn } from "@/lib/cn";
import type { ChangeView } from "@/lib/types/changes";

const SR_STATUS: Record<StepStatus, string> = {
  done: "done",
  current: "current step",
  upcoming: "to come",
  skipped: "not required for this change",
  exit: "left the normal path here",
};

function StepIcon({ status }: { status: StepStatus }) {
  const cls = "size-4 shrink-0";
  switch (status) {
    case "done":
      return <Check className={cn(cls, "text-green-700")} aria-hidden="true" />;
    case "current":
      return <CircleDot className={cn(cls, "text-blue-700")} aria-hidden="true" />;
    case "skipped":
      return <MinusCircle className={cn(cls, "text-slate-400")} aria-hidden="true" />;
    case "exit":
      return <Ban className={cn(cls, "text-red-700")} aria-hidden="true" />;
    default:
      return <Circle className={cn(cls, "text-slate-400")} aria-hidden="true" />;
  }
}

/** Draft → … → closed, with the current step marked and a side exit shown where it happened. */
export function LifecycleStepper({ change }: { change: ChangeView }) {
  const steps = lifecycleSteps(change);
  return (
    <nav aria-label="Where this change stands" data-testid="lifecycle">
      <ol className="flex flex-wrap items-center gap-y-1 text-xs">
        {steps.map((s, i) => (
          <li
            key={`${s.state}-${s.status}`}
            className="flex items-center"
            aria-current={s.status === "current" || s.status === "exit" ? "step" : undefined}
            data-status={s.status}
          >
            {i > 0 ? (
              <span
                aria-hidden="true"
                className={cn(
                  "mx-1 h-px w-3 lg:mx-1.5 lg:w-8",
                  s.status === "exit"
                    ? "bg-red-400"
                    : s.status === "done" || s.status === "current"
                      ? "bg-green-600"
                      : "bg-slate-300",
                )}
              />
            ) : null}
            <span
              className={cn(
                "inline-flex items-center gap-1 rounded-full border px-2 py-0.5",
                s.status === "current" && "border-blue-300 bg-blue-50 font-semibold text-blue-900",
                s.status === "done" && "border-green-200 bg-white text-slate-800",
                s.status === "upcoming" && "border-slate-200 bg-white text-slate-600",
                s.status === "skipped" &&
                  "border-dashed border-slate-300 bg-white text-slate-500 line-through",
                s.status === "exit" && "border-red-300 bg-red-50 font-semibold text-red-900",
              )}
              title={
                s.status === "skipped"
                  ? "No pre-startup safety review is required for this change"
                  : undefined
              }
            >
              <StepIcon status={s.status} />
              {s.label}
              <span className="sr-only"> ({SR_STATUS[s.status]})</span>
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

"use client";
import { CheckCircle2, ShieldX, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { formatInZone, localInputToUtc, zoneAbbreviation } from "@/lib/domain/site-time";
import type { GateResult } from "@/lib/types/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { FailureAlert } from "./dialogs/failure-alert";
import { GateReasonList } from "./gate-reasons";

export function GateDecisionView({ result, zone }: { result: GateResult; zone: string }) {
  return (
    <div
      className={`rounded-md border p-3 ${result.allowed ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50"}`}
      data-testid="gate-decision"
    >
      <p className="flex items-center gap-2 font-medium text-slate-900">
        {result.allowed ? (
          <CheckCircle2 className="size-4 text-green-700" aria-hidden="true" />
        ) : (
          <ShieldX className="size-4 text-red-700" aria-hidden="true" />
        )}
        {result.allowed ? "Allowed: implementation may start" : "Refused: implementation may not start"}
      </p>
      <p className="mb-2 text-xs text-slate-700">
        Evaluated for you at {formatInZone(result.evaluatedAt, zone)}
      </p>
      {result.reasons.length > 0 ? <GateReasonList reasons={result.reasons} zone={zone} /> : null}
      {result.warnings.length > 0 ? (
        <ul aria-label="Warnings" className="mt-2 space-y-1" data-testid="gate-warnings">
          {result.warnings.map((w) => (
            <li key={w.code} className="flex items-start gap-2 text-sm text-amber-950">
              <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-700" aria-hidden="true" />
              <span>
                <span className="font-medium">Warning{w.acknowledged ? " (acknowledged)" : ""}: </span>
                {w.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The deployment gate on demand. Each evaluation is a dry run kept in the gate-check log, so it
 * runs when asked, not on every page view; `log` is that log for readers who may see it.
 */
export function GatePanel({
  zone,
  initial,
  evaluate,
  log,
}: {
  zone: string;
  initial: GateResult | null;
  evaluate: (at: string | null) => Promise<FormResult<GateResult>>;
  log?: React.ReactNode;
}) {
  const [result, setResult] = useState<GateResult | null>(initial);
  const [failure, setFailure] = useState<Extract<FormResult<GateResult>, { ok: false }> | null>(null);
  const [at, setAt] = useState("");
  const [pending, setPending] = useState(false);

  async function run(when: string | null) {
    setPending(true);
    setFailure(null);
    const r = await evaluate(when).catch(() => ({
      ok: false as const,
      message: "The server could not be reached.",
    }));
    setPending(false);
    if (r.ok) setResult(r.data);
    else setFailure(r);
  }

  const atUtc = localInputToUtc(at, zone);
  return (
    <Card>
      <CardHeader
        title="Deployment gate"
        description="Implementation starts only when every required sign-off is current, now is inside the planned slot and a maintenance window, nothing blocks the assets, and you are the implementer."
      />
      <div className="space-y-3 p-4">
        <div className="flex flex-wrap items-end gap-2">
          <Button variant="primary" onClick={() => run(null)} disabled={pending}>
            {pending ? "Evaluating…" : "Evaluate now"}
          </Button>
          <Field
            id="gate-at"
            label={`Or at (${zoneAbbreviation(zone, atUtc ?? new Date())})`}
            className="w-56"
          >
            <Input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          </Field>
          <Button onClick={() => run(atUtc)} disabled={pending || !atUtc}>
            Evaluate at that time
          </Button>
        </div>
        <FailureAlert failure={failure} title="Could not evaluate the gate" />
        {result ? (
          <GateDecisionView result={result} zone={zone} />
        ) : (
          <p className="text-sm text-slate-600">
            Not evaluated yet. Evaluations are kept in the gate-check log, which auditors read; only a real
            start goes into the change&apos;s history.
          </p>
        )}
        {log}
      </div>
    </Card>
  );
}

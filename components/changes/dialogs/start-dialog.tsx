"use client";
// Starting is the one door to a controller: the dialog asks the gate first (a dry run, kept in
// the gate-check log, not in the change's history) and shows its answer; the start itself is
// decided again on the server under a lock and recorded in the hash-chained trail.
import { Play } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { GateResult } from "@/lib/types/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { GateDecisionView } from "../gate-panel";
import { GateReasonList } from "../gate-reasons";
import { ActionDialog, ActionFooter, useActionDialog } from "./action-dialog";

export function StartDialog({
  number,
  zone,
  evaluate,
  start,
}: {
  number: string;
  zone: string;
  evaluate: (at: string | null) => Promise<FormResult<GateResult>>;
  start: () => Promise<FormResult<unknown>>;
}) {
  const [gate, setGate] = useState<GateResult | null>(null);
  const [gateError, setGateError] = useState<string | null>(null);
  const dialog = useActionDialog({ onOpen: () => void check() });
  const { run, failure, pending, setOpen } = dialog;

  async function check() {
    setGate(null);
    setGateError(null);
    const r = await evaluate(null).catch(() => ({
      ok: false as const,
      message: "The server could not be reached.",
    }));
    if (r.ok) setGate(r.data);
    else setGateError(r.message);
  }

  async function onStart() {
    const result = await run(start);
    if (result?.ok) setOpen(false);
  }

  return (
    <ActionDialog
      dialog={dialog}
      trigger={
        <Button variant="primary">
          <Play className="size-4" aria-hidden="true" />
          Start implementation
        </Button>
      }
      title={`Start ${number}`}
      description="The deployment gate decides. Starting, or a refused start, is recorded in the change's history."
    >
      <div className="space-y-3">
        {gateError ? <p className="text-sm text-red-800">{gateError}</p> : null}
        {!gate && !gateError ? <p className="text-sm text-slate-600">Asking the deployment gate…</p> : null}
        {gate ? <GateDecisionView result={gate} zone={zone} /> : null}
        {failure ? (
          <div
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
            data-testid="start-refused"
          >
            <p className="font-medium">
              {failure.reasons?.length ? "The deployment gate refused the start" : failure.message}
            </p>
            {failure.reasons?.length ? <GateReasonList reasons={failure.reasons} zone={zone} /> : null}
          </div>
        ) : null}
        <ActionFooter
          dialog={dialog}
          pending={pending}
          label="Start now"
          pendingLabel="Starting…"
          onConfirm={() => void onStart()}
          disabled={!gate}
        >
          <Button onClick={() => void check()} disabled={pending}>
            Check again
          </Button>
        </ActionFooter>
      </div>
    </ActionDialog>
  );
}

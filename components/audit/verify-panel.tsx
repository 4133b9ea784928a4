"use client";
import { Loader2, ShieldAlert, ShieldCheck } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, Card, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { FormResult } from "@/lib/schemas/form-result";
import type { VerifyReport } from "@/lib/types/audit";
import { VerifyOutcome } from "./verify-outcome";

/** Runs the walk on demand: it reads every event of the range, so it is not done on each page view. */
export function VerifyPanel({
  verify,
  zone,
  zoneLabel,
}: {
  verify: (p: { from: string; to: string; zone: string }) => Promise<FormResult<VerifyReport>>;
  zone: string;
  zoneLabel: string;
}) {
  const [state, setState] = useState<FormResult<VerifyReport> | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [pending, start] = useTransition();
  const run = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setState(null);
      try {
        setState(await verify({ from, to, zone }));
      } catch {
        setState({ ok: false, message: "The check could not be completed. Try again." });
      }
    });
  };
  return (
    <Card className="mb-4">
      <CardHeader
        title="Verify the trail"
        description="Recomputes every event's hash and link in order and checks each signed checkpoint against the event it sealed."
      />
      <form onSubmit={run} className="flex flex-wrap items-end gap-3 px-4 py-3">
        <Field id="v-from" label="From day" hint={`Blank: from the first event. Days in ${zoneLabel}.`}>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className="w-44" />
        </Field>
        <Field id="v-to" label="To day (included)" hint="Blank: up to the newest event.">
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} className="w-44" />
        </Field>
        <Button type="submit" disabled={pending} aria-describedby="verify-status" className="mb-5">
          {pending ? (
            <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
          ) : (
            <ShieldCheck className="size-3.5" aria-hidden="true" />
          )}
          {pending ? "Verifying…" : from || to ? "Verify this period" : "Verify the whole trail"}
        </Button>
      </form>
      <div
        id="verify-status"
        role="status"
        aria-live="polite"
        className="border-t border-slate-100 px-4 py-3 text-sm"
      >
        {pending ? (
          <span className="text-slate-700">
            Reading the trail in order; this may take a while on a large trail.
          </span>
        ) : state === null ? (
          <span className="text-slate-600">Not verified in this view yet.</span>
        ) : !state.ok ? (
          <Alert title="Verification could not run">{state.message}</Alert>
        ) : (
          <>
            <p className="mb-2 flex items-center gap-2">
              {state.data.ok ? (
                <Badge tone="green">
                  <ShieldCheck className="mr-1 size-3.5" aria-hidden="true" />
                  Intact
                </Badge>
              ) : (
                <Badge tone="red">
                  <ShieldAlert className="mr-1 size-3.5" aria-hidden="true" />
                  Broken
                </Badge>
              )}
            </p>
            <VerifyOutcome report={state.data} />
          </>
        )}
      </div>
    </Card>
  );
}

"use client";
import { Loader2, ShieldCheck, ShieldAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { VerifyChainState } from "@/app/(portal)/audit/actions";

/** Runs the hash-chain walk on demand: it reads every event, so it is not done on each page view. */
export function VerifyPanel({ verify }: { verify: () => Promise<VerifyChainState> }) {
  const [state, setState] = useState<VerifyChainState | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setState(null);
      try {
        setState(await verify());
      } catch {
        setState({ ok: false, message: "The check could not be completed. Try again." });
      }
    });
  return (
    <Card className="mb-4">
      <CardHeader
        title="Chain integrity"
        description="Recomputes the hash of every event in order and reports the first event whose content or link does not match."
        actions={
          <Button size="sm" onClick={run} disabled={pending} aria-describedby="verify-status">
            {pending ? (
              <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
            ) : (
              <ShieldCheck className="size-3.5" aria-hidden="true" />
            )}
            {pending ? "Verifying…" : "Verify chain"}
          </Button>
        }
      />
      <div id="verify-status" role="status" aria-live="polite" className="px-4 py-2 text-sm">
        {pending ? (
          <span className="text-slate-700">
            Walking the hash chain from the first event; this reads the whole trail and may take a while.
          </span>
        ) : state === null ? (
          <span className="text-slate-600">Not checked in this view yet.</span>
        ) : !state.ok ? (
          <span className="text-red-800">{state.message}</span>
        ) : (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {state.verdict.ok ? (
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
            <dl className="flex flex-wrap gap-x-4 text-xs text-slate-700">
              <div className="flex gap-1">
                <dt>ok</dt>
                <dd className="font-mono font-medium text-slate-900">{String(state.verdict.ok)}</dd>
              </div>
              <div className="flex gap-1">
                <dt>checked</dt>
                <dd className="font-mono font-medium text-slate-900">{state.verdict.checked}</dd>
              </div>
              <div className="flex gap-1">
                <dt>firstBrokenId</dt>
                <dd className="font-mono font-medium text-slate-900">
                  {state.verdict.firstBrokenId ?? "null"}
                </dd>
              </div>
            </dl>
            <span className="text-xs text-slate-600">
              {state.verdict.ok
                ? `All ${state.verdict.checked} events match their hashes.`
                : `Event #${state.verdict.firstBrokenId} does not match its hash: it or the link before it was altered outside Interlock.`}{" "}
              Checked at {state.checkedAt.replace("T", " ").slice(0, 19)} UTC.
            </span>
          </div>
        )}
      </div>
    </Card>
  );
}

"use client";
import { useState, useTransition } from "react";
import { Rss } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { FormResult } from "@/lib/schemas/form-result";

export interface FeedGrantView {
  feeds: { siteCode: string; url: string }[];
}

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-900"
        />
        <CopyButton value={value} fieldId={id} label={`Copy ${label}`} />
      </div>
    </div>
  );
}

/** Creates the per-user secret feed URL and shows it once; creating a new one revokes the old. */
export function FeedSubscription({
  siteCode,
  create,
}: {
  siteCode: string;
  create: () => Promise<FormResult<FeedGrantView>>;
}) {
  const [grant, setGrant] = useState<FeedGrantView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setError(null);
      const r = await create();
      if (r.ok) setGrant(r.data);
      else setError(r.message);
    });
  const ordered = grant
    ? [...grant.feeds].sort((a, b) => Number(b.siteCode === siteCode) - Number(a.siteCode === siteCode))
    : [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={run} disabled={pending}>
          <Rss className="size-4" aria-hidden="true" />
          {pending ? "Creating…" : grant ? "Create another subscription URL" : "Create subscription URL"}
        </Button>
        <span className="text-xs text-slate-600">Creating a URL revokes any earlier one of yours.</span>
      </div>
      <div aria-live="polite" className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {grant ? (
          <>
            <Alert tone="warning" title="Copy the URL now: it is shown only once.">
              Anyone who has it can read these calendars with your access. Paste it into your calendar app as
              a subscription (&quot;From URL&quot;).
            </Alert>
            {ordered.map((f) => (
              <CopyField
                key={f.siteCode}
                id={`feed-${f.siteCode}`}
                label={`Subscription URL for ${f.siteCode}`}
                value={f.url}
              />
            ))}
          </>
        ) : null}
      </div>
    </div>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { FormResult } from "@/lib/schemas/form-result";

/** Ends a recurring window after a chosen local day; earlier occurrences stay as they are. */
export function EndSeriesForm({
  defaultDate,
  run,
}: {
  defaultDate: string;
  run: (until: string) => Promise<FormResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [until, setUntil] = useState(defaultDate);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string; field?: string } | null>(
    null,
  );
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await run(until);
      if (r.ok) {
        setMessage({ tone: "success", text: `The series now ends on ${until}.` });
        router.refresh();
      } else setMessage({ tone: "error", text: r.message, field: r.fieldErrors?.until });
    });
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="End the series">
      <div className="flex flex-wrap items-end gap-2">
        <Field
          id="end-series-until"
          label="Last day of the series (site time)"
          error={message?.field}
          className="w-56"
        >
          <Input type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />
        </Field>
        <Button type="submit" disabled={pending || !until}>
          {pending ? "Ending…" : "End series"}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}

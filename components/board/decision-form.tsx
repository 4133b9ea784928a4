"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { BoardDecisionInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";

/** The chair's decision on one agenda item: approve/reject sign for the board (password), defer needs a reason. */
export function DecisionForm({
  changeId,
  number,
  contentHash,
  signing,
  action,
}: {
  changeId: string;
  number: string;
  contentHash: string;
  /** Whether approve and reject are open (the attendees are recorded); defer always is. */
  signing: boolean;
  action: (input: BoardDecisionInput) => Promise<FormResult<null>>;
}) {
  const router = useRouter();
  const [decision, setDecision] = useState<"approve" | "reject" | "defer">(signing ? "approve" : "defer");
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (k: string) => `${k}-${changeId}`;

  async function submit(form: FormData) {
    setBusy(true);
    setFailure(null);
    const result = await action({
      changeId,
      decision,
      reason: String(form.get("reason") ?? ""),
      contentHash,
      password: decision === "defer" ? undefined : String(form.get("password") ?? ""),
    });
    setBusy(false);
    if (result.ok) router.refresh();
    else setFailure({ message: result.message, fields: result.fieldErrors ?? {} });
  }

  return (
    <form
      action={submit}
      className="grid gap-2 sm:grid-cols-[9rem_minmax(0,1fr)_10rem_auto] sm:items-end"
      aria-label={`Decision on ${number}`}
    >
      <Field id={id("decision")} label="Decision">
        <Select value={decision} onChange={(e) => setDecision(e.target.value as typeof decision)}>
          <option value="approve" disabled={!signing}>
            Approve
          </option>
          <option value="reject" disabled={!signing}>
            Reject
          </option>
          <option value="defer">Defer</option>
        </Select>
      </Field>
      <Field
        id={id("reason")}
        label={decision === "approve" ? "Comment (optional)" : "Reason"}
        error={failure?.fields.reason}
      >
        <Input name="reason" />
      </Field>
      {decision === "defer" ? (
        <span className="text-xs text-slate-600 sm:pb-2">No signature: stays on the next agenda.</span>
      ) : (
        <Field id={id("password")} label="Your password (signs)" error={failure?.fields.password}>
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
      )}
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Recording…" : "Record"}
      </Button>
      {failure && !failure.fields.reason && !failure.fields.password ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-4">
          {failure.message}
        </p>
      ) : null}
    </form>
  );
}

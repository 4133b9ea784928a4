"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import type { MeetingMinutesInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";

/** Attendees (one per line) and notes; "Close minutes" makes them final. */
export function MinutesForm({
  attendees,
  notes,
  action,
}: {
  attendees: string[];
  notes: string;
  action: (input: MeetingMinutesInput) => Promise<FormResult<null>>;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(form: FormData, close: boolean) {
    setFailure(null);
    setSaved(null);
    const result = await action({
      attendees: String(form.get("attendees") ?? "").split("\n"),
      notes: String(form.get("notes") ?? ""),
      close,
    });
    if (result.ok) {
      setSaved(result.message ?? "Saved.");
      router.refresh();
    } else setFailure(result.message);
  }

  return (
    <form action={(f) => save(f, false)} className="space-y-3 p-4" aria-label="Attendees and notes">
      {failure ? <Alert title="Not saved">{failure}</Alert> : null}
      {saved ? (
        <p role="status" className="text-sm text-green-800">
          {saved}
        </p>
      ) : null}
      <Field
        id="attendees"
        label="Attendees (one per line)"
        hint="Listed on every board sign-off given in this meeting."
      >
        <Textarea name="attendees" defaultValue={attendees.join("\n")} rows={4} />
      </Field>
      <Field id="notes" label="Notes">
        <Textarea name="notes" defaultValue={notes} rows={4} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Save attendees and notes</Button>
        <Button type="submit" variant="primary" formAction={(f) => save(f, true)}>
          Close minutes
        </Button>
      </div>
    </form>
  );
}

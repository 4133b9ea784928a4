"use client";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import type { MeetingMinutesInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";

type SaveMinutes = (input: MeetingMinutesInput) => Promise<FormResult<null>>;

/** One save of the minutes (attendees and notes together, as the service takes them). */
function useMinutesSave(action: SaveMinutes) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function save(input: MeetingMinutesInput) {
    setFailure(null);
    setSaved(null);
    const result = await action(input);
    if (result.ok) {
      setSaved(result.message ?? "Saved.");
      router.refresh();
    } else setFailure(result.message);
  }
  const feedback = (
    <>
      {failure ? <Alert title="Not saved">{failure}</Alert> : null}
      {saved ? (
        <p role="status" className="text-sm text-green-800">
          {saved}
        </p>
      ) : null}
    </>
  );
  return { save, feedback };
}

const lines = (form: FormData, name: string) => String(form.get(name) ?? "").split("\n");

/** The roll call, before the agenda: every board sign-off given in the meeting names these people. */
export function AttendeesForm({
  attendees,
  notes,
  action,
}: {
  attendees: string[];
  notes: string;
  action: SaveMinutes;
}) {
  const { save, feedback } = useMinutesSave(action);
  return (
    <form
      action={(f) => save({ attendees: lines(f, "attendees"), notes })}
      className="space-y-3 p-4"
      aria-label="Attendees"
    >
      {feedback}
      <Field
        id="attendees"
        label="Attendees (one per line)"
        hint="Board members and guests present. Listed on every board sign-off given in this meeting."
      >
        <Textarea name="attendees" defaultValue={attendees.join("\n")} rows={4} />
      </Field>
      <Button type="submit">Save attendees</Button>
    </form>
  );
}

/** Notes, and closing the minutes: final, no more decisions; undecided items wait for the next meeting. */
export function NotesForm({
  attendees,
  notes,
  undecided,
  notYetInSession,
  action,
}: {
  attendees: string[];
  notes: string;
  undecided: number;
  /** Set before the meeting is in session: says from when the minutes can be closed. */
  notYetInSession?: ReactNode;
  action: SaveMinutes;
}) {
  const { save, feedback } = useMinutesSave(action);
  return (
    <form
      action={(f) => save({ attendees, notes: String(f.get("notes") ?? ""), close: false })}
      className="space-y-3 p-4"
      aria-label="Notes"
    >
      {feedback}
      <Field id="notes" label="Notes">
        <Textarea name="notes" defaultValue={notes} rows={4} />
      </Field>
      <p className="text-xs text-slate-700" id="close-hint">
        Closing makes the minutes final: no more decisions or edits.
        {notYetInSession ? <> The minutes can be closed in session, from {notYetInSession}.</> : null}
        {undecided
          ? ` ${undecided === 1 ? "1 change on the agenda has" : `${undecided} changes on the agenda have`} no decision and will be on the next meeting's agenda.`
          : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Save notes</Button>
        <Button
          type="submit"
          variant="primary"
          disabled={Boolean(notYetInSession)}
          aria-describedby="close-hint"
          formAction={(f) => save({ attendees, notes: String(f.get("notes") ?? ""), close: true })}
        >
          Close minutes
        </Button>
      </div>
    </form>
  );
}

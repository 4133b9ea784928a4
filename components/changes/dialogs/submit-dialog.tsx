"use client";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { FormResult } from "@/lib/schemas/form-result";
import type { SiteContact } from "@/lib/types/sites";
import { FailureAlert } from "./failure-alert";
import { ActionDialog, ActionFooter, useActionDialog } from "./action-dialog";

export function SubmitDialog({
  number,
  awaited,
  act,
  contacts,
}: {
  number: string;
  awaited: string[];
  act: () => Promise<FormResult<unknown>>;
  /** Who can help with a refusal (a change manager when no window covers the slot). */
  contacts?: readonly SiteContact[];
}) {
  const dialog = useActionDialog();
  const { run, failure, pending, setOpen } = dialog;
  return (
    <ActionDialog
      dialog={dialog}
      trigger={
        <Button variant="primary">
          <Send className="size-4" aria-hidden="true" />
          Submit for approval
        </Button>
      }
      title={`Submit ${number}`}
      description="Approvers are asked to sign the content as it is now. Later scope edits supersede their sign-offs."
    >
      <div className="space-y-3">
        <FailureAlert failure={failure} title="Not submitted" contacts={contacts} />
        <div className="text-sm">
          <p className="font-medium text-slate-900">Sign-offs that will be requested</p>
          <ul className="mt-1 list-disc pl-5 text-slate-800">
            {awaited.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
        <ActionFooter
          dialog={dialog}
          pending={pending}
          label="Submit"
          pendingLabel="Submitting…"
          onConfirm={async () => {
            const r = await run(act, "submitted");
            if (r?.ok) setOpen(false);
          }}
        />
      </div>
    </ActionDialog>
  );
}

"use client";
import { Send } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { FormResult } from "@/lib/schemas/form-result";
import type { SiteContact } from "@/lib/types/sites";
import { FailureAlert } from "./failure-alert";
import { useChangeAction } from "./use-action";

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
  const [open, setOpen] = useState(false);
  const { run, failure, pending, clear } = useChangeAction<unknown>();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) clear();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary">
          <Send className="size-4" aria-hidden="true" />
          Submit for approval
        </Button>
      </DialogTrigger>
      <DialogContent
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
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Back</Button>
            <Button
              variant="primary"
              disabled={pending}
              onClick={async () => {
                const r = await run(act, "submitted");
                if (r?.ok) setOpen(false);
              }}
            >
              {pending ? "Submitting…" : "Submit"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

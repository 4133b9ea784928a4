"use client";
// Cancel and revise: a confirmation with an optional reason that goes into the audit trail.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { transitionReasonSchema, type TransitionReasonInput } from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { FailureAlert } from "./failure-alert";
import { useChangeAction } from "./use-action";

export function ReasonDialog({
  trigger,
  title,
  description,
  confirm,
  danger,
  act,
}: {
  trigger: string;
  title: string;
  description: string;
  confirm: string;
  danger?: boolean;
  act: (input: TransitionReasonInput) => Promise<FormResult<unknown>>;
}) {
  const [open, setOpen] = useState(false);
  const { run, failure, pending, clear } = useChangeAction<unknown>();
  const { register, handleSubmit, reset, getValues, formState } = useForm<TransitionReasonInput>({
    resolver: zodResolver(transitionReasonSchema),
    defaultValues: { reason: "" },
  });
  const id = `reason-${trigger.toLowerCase().replace(/\W+/g, "-")}`;

  async function onSubmit() {
    const result = await run(() => act(getValues()));
    if (result?.ok) {
      setOpen(false);
      reset();
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) clear();
      }}
    >
      <DialogTrigger asChild>
        <Button variant={danger ? "danger-quiet" : "secondary"}>{trigger}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
          <FailureAlert failure={failure} title="Not done" />
          <Field id={id} label="Reason (recorded in the history)" error={formState.errors.reason?.message}>
            <Textarea rows={3} {...register("reason")} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Back</Button>
            <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
              {pending ? "Working…" : confirm}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

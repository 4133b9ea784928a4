"use client";
// Cancel and revise: a confirmation with an optional reason that goes into the audit trail.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { transitionReasonSchema, type TransitionReasonInput } from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { FailureAlert } from "./failure-alert";
import { ActionDialog, ActionFooter, useActionDialog } from "./action-dialog";

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
  const dialog = useActionDialog();
  const { run, failure, pending, setOpen } = dialog;
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
    <ActionDialog
      dialog={dialog}
      trigger={<Button variant={danger ? "danger-quiet" : "secondary"}>{trigger}</Button>}
      title={title}
      description={description}
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        <FailureAlert failure={failure} title="Not done" />
        <Field id={id} label="Reason (recorded in the history)" error={formState.errors.reason?.message}>
          <Textarea rows={3} {...register("reason")} />
        </Field>
        <ActionFooter
          dialog={dialog}
          pending={pending}
          label={confirm}
          variant={danger ? "danger" : "primary"}
        />
      </form>
    </ActionDialog>
  );
}

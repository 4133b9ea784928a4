"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { OUTCOMES } from "@/lib/domain/constants";
import { completeChangeSchema, type CompleteChangeInput } from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { FailureAlert } from "./failure-alert";
import { EMPTY_INTEGRITY, IntegrityFields, integrityErrors, integrityInput } from "./integrity-fields";
import { ActionDialog, ActionFooter, useActionDialog } from "./action-dialog";
import { OUTCOME_LABELS } from "@/lib/domain/labels";

const HINTS = {
  success: "The change is in place and works as planned.",
  failed: "The change could not be completed; describe what happened.",
  rolled_back: "The backout plan was carried out; describe why.",
} as const;

export function CompleteDialog({
  number,
  pssrRequired,
  integrityRequired,
  act,
}: {
  number: string;
  pssrRequired: boolean;
  /** A patch or firmware update: success needs the integrity check of what was installed. */
  integrityRequired: boolean;
  act: (input: CompleteChangeInput) => Promise<FormResult<unknown>>;
}) {
  const [integrity, setIntegrity] = useState(EMPTY_INTEGRITY);
  const [integrityErrs, setIntegrityErrs] = useState<Record<string, string>>({});
  const dialog = useActionDialog();
  const { run, failure, pending, setOpen } = dialog;
  const { register, handleSubmit, control, reset, getValues, setError, formState } =
    useForm<CompleteChangeInput>({
      resolver: zodResolver(completeChangeSchema),
      defaultValues: { outcome: "success", notes: "" },
    });
  const outcome = useWatch({ control, name: "outcome" });

  async function onSubmit() {
    const values = getValues();
    const check = integrityRequired ? integrityInput(integrity) : undefined;
    const local = integrityErrors(check);
    if (integrityRequired && values.outcome === "success" && !check)
      local.integrity = "Record how the installed file was checked before reporting success.";
    setIntegrityErrs(local);
    if (Object.keys(local).length) return;
    const result = await run(() => act({ ...values, ...(check ? { integrity: check } : {}) }));
    if (result?.ok) {
      setOpen(false);
      reset();
      setIntegrity(EMPTY_INTEGRITY);
    } else if (result && !result.ok && result.fieldErrors) {
      if (result.fieldErrors.notes) setError("notes", { message: result.fieldErrors.notes });
      setIntegrityErrs(
        Object.fromEntries(Object.entries(result.fieldErrors).filter(([k]) => k.startsWith("integrity"))),
      );
    }
  }

  return (
    <ActionDialog
      dialog={dialog}
      trigger={<Button variant="primary">Record outcome</Button>}
      title={`Record the outcome of ${number}`}
      description="Ends the implementation. The actual end is recorded as now."
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        <FailureAlert failure={failure} title="Outcome not recorded" />
        <fieldset className="space-y-1.5">
          <legend className="text-xs font-medium text-slate-700">Outcome</legend>
          {OUTCOMES.map((o) => (
            <label key={o} className="flex items-start gap-2 text-sm">
              <input type="radio" value={o} className="mt-1" {...register("outcome")} />
              <span>
                <span className="font-medium text-slate-900">{OUTCOME_LABELS[o]}</span>
                <span className="block text-xs text-slate-600">{HINTS[o]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field
          id="complete-notes"
          label={outcome === "success" ? "Notes (optional)" : "Notes (required)"}
          error={formState.errors.notes?.message}
        >
          <Textarea rows={4} {...register("notes")} />
        </Field>
        {integrityRequired ? (
          <IntegrityFields
            draft={integrity}
            onChange={setIntegrity}
            errors={integrityErrs}
            required={outcome === "success"}
          />
        ) : null}
        {pssrRequired && outcome === "success" ? (
          <p className="text-xs text-amber-900">
            Safety signed before the start: the change then waits for the pre-startup safety review (PSSR).
          </p>
        ) : null}
        <ActionFooter
          dialog={dialog}
          pending={pending}
          label={`Record ${OUTCOME_LABELS[outcome ?? "success"].toLowerCase()}`}
          pendingLabel="Recording…"
          variant={outcome === "success" ? "primary" : "danger"}
        />
      </form>
    </ActionDialog>
  );
}

"use client";
// Post-implementation review: what an auditor expects to see before a change is closed.
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/field";
import { closeChangeSchema, type CloseChangeInput } from "@/lib/schemas/changes";
import type { ChangeAssetView } from "@/lib/types/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { FailureAlert } from "./failure-alert";
import { ActionDialog, ActionFooter, useActionDialog } from "./action-dialog";

interface Values {
  securityControlsVerified: boolean;
  baselineUpdated: boolean;
  versions: Record<string, string>;
  notes: string;
}

export function CloseDialog({
  number,
  assets,
  pssr,
  act,
}: {
  number: string;
  assets: ChangeAssetView[];
  /** Null when no PSSR is required; else whether it is signed. */
  pssr: { signed: boolean; by: string | null } | null;
  act: (input: CloseChangeInput) => Promise<FormResult<unknown>>;
}) {
  const dialog = useActionDialog();
  const { run, failure, pending, setOpen } = dialog;
  const defaults: Values = {
    securityControlsVerified: false,
    baselineUpdated: false,
    versions: Object.fromEntries(assets.map((a) => [a.id, a.version])),
    notes: "",
  };
  const form = useForm<Values>({ defaultValues: defaults });
  const { register, handleSubmit, reset, setError, formState } = form;

  function toInput(v: Values): CloseChangeInput {
    return {
      securityControlsVerified: v.securityControlsVerified as true,
      baselineUpdated: v.baselineUpdated as true,
      baselineUpdates: assets
        .map((a) => ({ assetId: a.id, version: (v.versions[a.id] ?? "").trim() }))
        .filter((u) => u.version !== "" && u.version !== assets.find((a) => a.id === u.assetId)?.version),
      notes: v.notes,
    };
  }

  async function onSubmit(v: Values) {
    // The shared schema is the judge; the form only gathers the per-asset versions into its shape.
    const parsed = closeChangeSchema.safeParse(toInput(v));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (key === "securityControlsVerified" || key === "baselineUpdated" || key === "notes")
          setError(key, { message: issue.message });
      }
      return;
    }
    const result = await run(() => act(toInput(v)));
    if (result?.ok) {
      setOpen(false);
      reset(defaults);
    }
  }

  return (
    <ActionDialog
      dialog={dialog}
      trigger={<Button variant="primary">Close change</Button>}
      title={`Close ${number}`}
      description="Post-implementation review. New versions you enter are written to the asset inventory as audited asset edits."
      className="w-[min(44rem,95vw)]"
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        <FailureAlert failure={failure} title="Not closed" />
        {pssr ? (
          <p
            className={`rounded-md border px-3 py-2 text-sm ${pssr.signed ? "border-green-300 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-950"}`}
          >
            Pre-startup safety review (PSSR):{" "}
            {pssr.signed
              ? `signed by ${pssr.by}`
              : "not signed yet — a safety approver must sign it before the change can close"}
          </p>
        ) : (
          <p className="text-sm text-slate-700">No PSSR is required for this change.</p>
        )}
        <div className="space-y-1">
          <Checkbox
            id="pir-security"
            label="Security controls verified after the change"
            {...register("securityControlsVerified")}
          />
          {formState.errors.securityControlsVerified ? (
            <p className="text-xs text-red-700">{formState.errors.securityControlsVerified.message}</p>
          ) : null}
          <Checkbox
            id="pir-baseline"
            label="Asset baseline updated (versions below are current)"
            {...register("baselineUpdated")}
          />
          {formState.errors.baselineUpdated ? (
            <p className="text-xs text-red-700">{formState.errors.baselineUpdated.message}</p>
          ) : null}
        </div>
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-medium text-slate-700">
            Firmware / software version after the change
          </legend>
          {assets.map((a) => (
            <Field
              key={a.id}
              id={`pir-version-${a.id}`}
              label={`${a.tag} — ${a.name} (was ${a.version || "not recorded"})`}
            >
              <Input {...register(`versions.${a.id}`)} />
            </Field>
          ))}
        </fieldset>
        <Field id="pir-notes" label="Review notes" error={formState.errors.notes?.message}>
          <Textarea rows={3} {...register("notes")} />
        </Field>
        <ActionFooter dialog={dialog} pending={pending} label="Close change" pendingLabel="Closing…" />
      </form>
    </ActionDialog>
  );
}

"use client";
import type { FieldErrors, UseFormGetValues, UseFormRegister, UseFormSetValue } from "react-hook-form";
import { Field, Select } from "@/components/ui/field";
import { ASSET_KIND_LABELS, CHANGE_TYPE_LABELS, CRITICALITY_LABELS } from "@/lib/domain/labels";
import type { UsableModel } from "@/lib/types/catalog";
import type { ChangeFormValues } from "./form-types";

const list = (xs: string[]) => xs.join(", ");

/**
 * A standard change names a model version the change board approved (issue 15): the requester
 * picks it here, sees what the model allows, and gets its plan templates where the plans are
 * still empty. The service checks the change against the model at submit and at the gate.
 */
export function StandardModelField({
  models,
  selected,
  register,
  errors,
  getValues,
  setValue,
}: {
  models: UsableModel[];
  selected: string | null | undefined;
  register: UseFormRegister<ChangeFormValues>;
  errors: FieldErrors<ChangeFormValues>;
  getValues: UseFormGetValues<ChangeFormValues>;
  setValue: UseFormSetValue<ChangeFormValues>;
}) {
  const chosen = models.find((m) => m.versionId === selected) ?? null;
  const field = register("standardModelVersionId", { setValueAs: (v) => (v ? v : null) });
  if (models.length === 0)
    return (
      <p className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
        No standard change model approved by the change board is usable at your sites, so this change cannot
        be filed as standard. Ask a change manager to propose one in the catalog, or choose the class Normal.
      </p>
    );
  return (
    <div className="space-y-2">
      <Field
        id="standardModelVersionId"
        label="Standard change model"
        error={errors.standardModelVersionId?.message}
        hint="The pre-approved kind of work this change is. It must stay within the model."
      >
        <Select
          {...field}
          value={selected ?? ""}
          onChange={(e) => {
            void field.onChange(e);
            const m = models.find((x) => x.versionId === e.target.value);
            if (!m) return;
            // Templates fill only what the requester has not written yet.
            if (!getValues("implementationPlan")?.trim())
              setValue("implementationPlan", m.implementationPlanTemplate, { shouldDirty: true });
            if (!getValues("backoutPlan")?.trim())
              setValue("backoutPlan", m.backoutPlanTemplate, { shouldDirty: true });
          }}
        >
          <option value="">Choose an approved model…</option>
          {models.map((m) => (
            <option key={m.versionId} value={m.versionId}>
              {m.siteCode} · {m.title} (version {m.version})
            </option>
          ))}
        </Select>
      </Field>
      {chosen ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded border border-slate-200 bg-slate-50 p-2 text-xs">
          <dt className="text-slate-600">Types</dt>
          <dd>{list(chosen.changeTypes.map((t) => CHANGE_TYPE_LABELS[t]))}</dd>
          <dt className="text-slate-600">Assets</dt>
          <dd>
            {list(chosen.assetKinds.map((k) => ASSET_KIND_LABELS[k]))};{" "}
            {list(chosen.criticalities.map((c) => CRITICALITY_LABELS[c]))}
          </dd>
          <dt className="text-slate-600">Downtime</dt>
          <dd>at most {chosen.maxDowntimeMinutes} min</dd>
          <dt className="text-slate-600">Test evidence</dt>
          <dd>{chosen.testEvidence || "None required"}</dd>
        </dl>
      ) : null}
    </div>
  );
}

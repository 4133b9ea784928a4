"use client";
// Proposing a model and editing one (a new version) share one form over the shared zod schemas;
// the service parses the same values again and refuses what the form cannot see.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SiteOptions } from "@/components/ui/site-options";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { SAFETY_ASSET_KINDS, SAFETY_CRITICALITIES } from "@/lib/domain/constants";
import { ASSET_KINDS, CHANGE_TYPES, CRITICALITIES } from "@/lib/domain/constants";
import { ASSET_KIND_LABELS, CHANGE_TYPE_LABELS, CRITICALITY_LABELS } from "@/lib/domain/labels";
import {
  proposeModelSchema,
  reviseModelSchema,
  type ModelContentInput,
  type ProposeModelInput,
  type ReviseModelInput,
} from "@/lib/schemas/catalog";
import type { FormResult } from "@/lib/schemas/form-result";
import { CheckboxGroup } from "./checkbox-group";

type Values = ModelContentInput & { siteCode?: string; basedOnVersion?: number };

export type ModelFormMode =
  | { kind: "propose"; sites: { code: string; name: string }[] }
  | { kind: "revise"; basedOnVersion: number; content: ModelContentInput };

const EMPTY: ModelContentInput = {
  title: "",
  description: "",
  changeTypes: [],
  assetKinds: [],
  criticalities: [],
  maxDowntimeMinutes: 0,
  requiresTestBench: false,
  requiresVendorQualified: false,
  testEvidence: "",
  implementationPlanTemplate: "",
  backoutPlanTemplate: "",
};

const kinds = ASSET_KINDS.filter((k) => !SAFETY_ASSET_KINDS.includes(k));
const criticalities = CRITICALITIES.filter((c) => !SAFETY_CRITICALITIES.includes(c));

export function ModelForm({
  mode,
  action,
  cancelHref,
}: {
  mode: ModelFormMode;
  action: (values: ProposeModelInput & ReviseModelInput) => Promise<FormResult<{ id: string }>>;
  cancelHref: string;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const defaults: Values =
    mode.kind === "propose"
      ? { ...EMPTY, siteCode: mode.sites[0]?.code ?? "" }
      : { ...mode.content, basedOnVersion: mode.basedOnVersion };
  const { register, handleSubmit, control, getValues, setError, formState } = useForm<Values>({
    resolver: zodResolver(
      mode.kind === "propose" ? proposeModelSchema : reviseModelSchema,
    ) as unknown as Resolver<Values>,
    defaultValues: defaults,
  });
  const errors = formState.errors;

  async function onSubmit() {
    setFailure(null);
    // The raw values: the server parses them with the same schema.
    const result = await action(getValues() as ProposeModelInput & ReviseModelInput);
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.fieldErrors ?? {}))
        if (path in defaults) setError(path as keyof Values, { message });
      setFailure(result.message);
      return;
    }
    router.push(`/catalog/${result.data.id}?done=${mode.kind === "propose" ? "proposed" : "revised"}`);
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-4">
      {failure ? (
        <Alert title={mode.kind === "propose" ? "Not proposed" : "Not saved"}>{failure}</Alert>
      ) : null}
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_16rem]">
        <Field id="model-title" label="Title" error={errors.title?.message}>
          <Input {...register("title")} placeholder="e.g. Antivirus signature update on a historian" />
        </Field>
        {mode.kind === "propose" ? (
          <Field id="model-site" label="Site" error={errors.siteCode?.message}>
            <Select {...register("siteCode")}>
              <SiteOptions sites={mode.sites} />
            </Select>
          </Field>
        ) : null}
      </div>
      <Field
        id="model-description"
        label="Description of the work"
        hint="What the work is, and what it never touches."
        error={errors.description?.message}
      >
        <Textarea rows={3} {...register("description")} />
      </Field>
      <div className="grid gap-4 md:grid-cols-3">
        <CheckboxGroup
          control={control}
          name="changeTypes"
          legend="Allowed change types"
          options={CHANGE_TYPES.map((t) => ({ value: t, label: CHANGE_TYPE_LABELS[t] }))}
          error={errors.changeTypes?.message}
        />
        <CheckboxGroup
          control={control}
          name="assetKinds"
          legend="Asset kinds it may touch"
          hint="Never a SIS logic solver: safety instrumented systems are never standard work."
          options={kinds.map((k) => ({ value: k, label: ASSET_KIND_LABELS[k] }))}
          error={errors.assetKinds?.message}
        />
        <div className="space-y-4">
          <CheckboxGroup
            control={control}
            name="criticalities"
            legend="Asset criticalities"
            hint="Never safety-critical assets."
            options={criticalities.map((c) => ({ value: c, label: CRITICALITY_LABELS[c] }))}
            error={errors.criticalities?.message}
          />
          <Field
            id="model-downtime"
            label="Maximum downtime (minutes)"
            hint="0 when the work must cause none."
            error={errors.maxDowntimeMinutes?.message}
          >
            <Input
              type="number"
              min={0}
              max={1440}
              inputMode="numeric"
              {...register("maxDowntimeMinutes", { valueAsNumber: true })}
            />
          </Field>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-slate-700">Required test evidence</legend>
        <Checkbox id="model-bench" label="Tested on a test bench first" {...register("requiresTestBench")} />
        <Checkbox
          id="model-vendor"
          label="The vendor has qualified the fix"
          {...register("requiresVendorQualified")}
        />
        <Field
          id="model-evidence"
          label="Evidence to attach or cite"
          hint="Optional: e.g. the vendor's release note for the package."
          error={errors.testEvidence?.message}
        >
          <Textarea rows={2} {...register("testEvidence")} />
        </Field>
      </fieldset>
      <div className="grid gap-3 lg:grid-cols-2">
        <Field
          id="model-implementation"
          label="Implementation plan template"
          hint="Fills an empty implementation plan when a requester picks the model."
          error={errors.implementationPlanTemplate?.message}
        >
          <Textarea rows={6} className="font-mono text-xs" {...register("implementationPlanTemplate")} />
        </Field>
        <Field id="model-backout" label="Backout plan template" error={errors.backoutPlanTemplate?.message}>
          <Textarea rows={6} className="font-mono text-xs" {...register("backoutPlanTemplate")} />
        </Field>
      </div>
      <p className="text-xs text-slate-700">
        {mode.kind === "propose"
          ? "The model is usable only after another change manager of the site signs it for the change board."
          : `Saving makes version ${mode.basedOnVersion + 1}, which the change board must approve again. Until then version ${mode.basedOnVersion} stays as it is.`}
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting
            ? "Saving…"
            : mode.kind === "propose"
              ? "Propose the model"
              : `Save as version ${mode.basedOnVersion + 1}`}
        </Button>
        <Button onClick={() => router.push(cancelHref)}>Cancel</Button>
      </div>
    </form>
  );
}

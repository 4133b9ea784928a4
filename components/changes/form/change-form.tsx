"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { createChangeSchema } from "@/lib/schemas/changes";
import { AssetPicker, type AssetSearch } from "../asset-picker";
import type { UsableModel } from "@/lib/types/catalog";
import type { PickedAsset } from "../picked-asset";
import { RiskPanel, RiskSummary, type RiskInputs } from "../risk-panel";
import type {
  ChangeFormOutput,
  ChangeFormValues,
  EditableChange,
  ImplementerCandidate,
  SaveResult,
} from "./form-types";
import { ImplementerSection } from "./implementer-section";
import { ScheduleSection, type FormZone } from "./schedule-section";
import { SlotAssistant, type SlotTools } from "./slot-assistant";
import { TemporaryField } from "./temporary-field";
import { FormSection, ImpactSection, PlanSection, TestSection, WhatSection } from "./sections";
import { StandardModelField } from "./standard-model-field";
import { StaleEditAlert, type StaleInfo } from "./stale-alert";
import { WhySection } from "./why-section";

export const EMPTY_CHANGE: ChangeFormValues = {
  type: "security_patch",
  class: "normal",
  title: "",
  description: "",
  justification: "",
  references: [],
  assetIds: [],
  implementationPlan: "",
  backoutPlan: "",
  testedOnTestBench: false,
  vendorQualified: false,
  testNotes: "",
  expectedDowntimeMinutes: 0,
  productionImpact: "none",
  safetyImpact: "none",
  safetyBypassRequired: false,
  plannedStart: null,
  plannedEnd: null,
  implementerEmail: null,
  followsChangeId: null,
  temporaryUntil: null,
  standardModelVersionId: null,
};

function instantOf(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString();
  return typeof v === "string" && v ? v : null;
}

type Save = (
  values: ChangeFormValues,
  changed: (keyof ChangeFormValues)[],
  expectedVersion: number | null,
) => Promise<SaveResult>;

export function ChangeForm({
  existing,
  initialValues,
  initialAssets = [],
  defaultZone,
  candidates,
  search,
  save,
  reload,
  slotTools,
  models = [],
}: {
  existing?: EditableChange;
  initialValues?: ChangeFormValues;
  initialAssets?: PickedAsset[];
  defaultZone: FormZone;
  candidates: ImplementerCandidate[];
  search: AssetSearch;
  save: Save;
  reload?: (id: string) => Promise<EditableChange | null>;
  slotTools?: SlotTools;
  /** Approved standard change models the actor may file against (the class Standard needs one). */
  models?: UsableModel[];
}) {
  const router = useRouter();
  const [assets, setAssets] = useState<PickedAsset[]>(existing?.assets ?? initialAssets);
  const [version, setVersion] = useState<number | null>(existing?.version ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleInfo | null>(null);
  const form = useForm<ChangeFormValues, unknown, ChangeFormOutput>({
    resolver: zodResolver(createChangeSchema),
    defaultValues: existing?.values ?? initialValues ?? EMPTY_CHANGE,
    mode: "onTouched",
  });
  const { register, control, handleSubmit, formState, setValue, setError, getValues, reset } = form;
  const watched = useWatch({ control }) as ChangeFormValues;

  const zones = useMemo(() => {
    const seen = new Map<string, FormZone>();
    for (const a of assets)
      if (!seen.has(a.siteCode))
        seen.set(a.siteCode, { zone: a.timeZone, siteCode: a.siteCode, siteName: a.siteName });
    return [...seen.values()];
  }, [assets]);
  const zone = zones[0] ?? defaultZone;

  function pickAssets(next: PickedAsset[]) {
    setAssets(next);
    setValue(
      "assetIds",
      next.map((a) => a.id),
      { shouldDirty: true, shouldValidate: formState.isSubmitted },
    );
  }

  function dirtyKeys(): (keyof ChangeFormValues)[] {
    return Object.keys(formState.dirtyFields) as (keyof ChangeFormValues)[];
  }

  async function onSubmit() {
    setFailure(null);
    setStale(null);
    const values = getValues();
    let result: SaveResult;
    try {
      result = await save(values, dirtyKeys(), version);
    } catch {
      setFailure("The server could not be reached. Your entries are still here; try again.");
      return;
    }
    if (result.ok) {
      router.push(`/changes/${result.data.id}`);
      router.refresh();
      return;
    }
    if (result.stale) setStale({ ...result.stale, message: result.message });
    else setFailure(result.message);
    for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
      const field = path.split(".")[0] as FieldPath<ChangeFormValues>;
      if (field in EMPTY_CHANGE) setError(field, { message });
    }
  }

  /** Loads the latest version and re-applies this user's unsaved edits on top of it. */
  async function reloadLatest() {
    if (!existing || !reload) return;
    const mine = getValues();
    const edited = dirtyKeys();
    const latest = await reload(existing.id);
    if (!latest) {
      setFailure("The change could not be loaded again; it may have been removed from your view.");
      return;
    }
    reset(latest.values);
    setVersion(latest.version);
    const keepAssets = edited.includes("assetIds");
    setAssets(keepAssets ? assets : latest.assets);
    for (const key of edited) setValue(key, mine[key] as never, { shouldDirty: true });
    setStale((s) => (s ? { ...s, reloaded: { version: latest.version, kept: edited } } : s));
  }

  const errors = formState.errors;
  const riskInputs: RiskInputs = {
    type: watched.type ?? "other",
    class: watched.class ?? "normal",
    safetyImpact: watched.safetyImpact ?? "none",
    safetyBypassRequired: Boolean(watched.safetyBypassRequired),
    productionImpact: watched.productionImpact ?? "none",
    expectedDowntimeMinutes: Number(watched.expectedDowntimeMinutes ?? 0),
    testedOnTestBench: Boolean(watched.testedOnTestBench),
    vendorQualified: Boolean(watched.vendorQualified),
  };
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]"
    >
      <div className="space-y-4">
        <RiskSummary assets={assets} values={riskInputs} />
        {stale ? (
          <StaleEditAlert stale={stale} zone={zone.zone} onReload={reload ? reloadLatest : undefined} />
        ) : null}
        {failure ? <Alert title="Not saved">{failure}</Alert> : null}
        {formState.submitCount > 0 && Object.keys(errors).length > 0 ? (
          <Alert title="Some fields need attention">Check the fields marked below.</Alert>
        ) : null}
        <WhatSection register={register} errors={errors}>
          {watched.class === "standard" ? (
            <StandardModelField
              models={models}
              selected={watched.standardModelVersionId}
              register={register}
              errors={errors}
              getValues={getValues}
              setValue={setValue}
            />
          ) : null}
        </WhatSection>
        <WhySection register={register} control={control} errors={errors} />
        <FormSection
          id="assets"
          title="Affected assets"
          description="Every asset this change touches. Their sites decide who must sign."
        >
          <AssetPicker
            id="asset-search"
            value={assets}
            onChange={pickAssets}
            search={search}
            error={errors.assetIds?.message}
          />
        </FormSection>
        <PlanSection register={register} errors={errors} />
        <TestSection register={register} errors={errors} />
        <ImpactSection register={register} errors={errors} />
        <ScheduleSection
          control={control}
          errors={errors}
          zone={zone}
          otherZones={zones.slice(1).filter((z) => z.zone !== zone.zone)}
        >
          {slotTools ? (
            <SlotAssistant
              tools={slotTools}
              start={instantOf(watched.plannedStart)}
              end={instantOf(watched.plannedEnd)}
              draft={{
                changeId: existing?.id ?? null,
                matchesSaved:
                  Boolean(existing) &&
                  !formState.dirtyFields.assetIds &&
                  !formState.dirtyFields.expectedDowntimeMinutes &&
                  !formState.dirtyFields.productionImpact,
                assetIds: assets.map((a) => a.id),
                expectedDowntimeMinutes: Math.max(0, Number(watched.expectedDowntimeMinutes) || 0),
                productionImpact: watched.productionImpact ?? "none",
              }}
              onPick={(start, end) => {
                setValue("plannedStart", start, { shouldDirty: true, shouldValidate: true });
                setValue("plannedEnd", end, { shouldDirty: true, shouldValidate: true });
              }}
            />
          ) : null}
          <TemporaryField control={control} errors={errors} zone={zone.zone} />
        </ScheduleSection>
        <ImplementerSection register={register} errors={errors} candidates={candidates} />
        <div className="flex items-center justify-end gap-2">
          <Button onClick={() => router.back()}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : existing ? "Save changes" : "Save draft"}
          </Button>
        </div>
      </div>
      <aside aria-label="Risk and required sign-offs" className="lg:sticky lg:top-4 lg:self-start">
        <Card className="p-4">
          <RiskPanel assets={assets} values={riskInputs} />
        </Card>
      </aside>
    </form>
  );
}

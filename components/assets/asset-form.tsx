"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { ASSET_KINDS, CRITICALITIES, EXPOSURES, PURDUE_LEVELS } from "@/lib/domain/constants";
import { createAssetSchema } from "@/lib/schemas/assets";
import type { FormResult } from "@/lib/schemas/form-result";
import { useHydrated } from "./use-hydrated";
import { ASSET_KIND_LABELS, CRITICALITY_LABELS, EXPOSURE_LABELS } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

export type AssetFormValues = z.input<typeof createAssetSchema>;
type Output = z.output<typeof createAssetSchema>;

export interface SiteChoice {
  code: string;
  name: string;
  areas: { code: string; name: string }[];
}

const PURDUE_HINTS: Record<number, string> = {
  0: "0 · process (sensors, actuators)",
  1: "1 · basic control (PLC, DCS, SIS)",
  2: "2 · supervisory (HMI, SCADA)",
  3: "3 · site operations (historian, EWS)",
  3.5: "3.5 · industrial DMZ",
  4: "4 · business network",
  5: "5 · enterprise",
};

type Props = {
  sites: SiteChoice[];
  defaults: AssetFormValues;
  cancelHref: string;
} & (
  | { mode: "create"; save: (values: Output) => Promise<FormResult<{ id: string }>> }
  | { mode: "edit"; save: (values: Output) => Promise<FormResult<{ id: string; rowVersion: number }>> }
);

/** Create and edit share one form and one schema: the server's createAssetSchema. */
export function AssetForm(props: Props) {
  const { sites, defaults, mode, cancelHref } = props;
  const router = useRouter();
  const hydrated = useHydrated();
  const [failure, setFailure] = useState<{ message: string; stale?: boolean } | null>(null);
  const { register, handleSubmit, control, watch, setError, formState } = useForm<
    AssetFormValues,
    unknown,
    Output
  >({
    resolver: zodResolver(createAssetSchema),
    defaultValues: defaults,
  });
  const siteCode = watch("siteCode");
  const areas = sites.find((s) => s.code === siteCode)?.areas ?? [];
  const err = (k: keyof AssetFormValues) => formState.errors[k]?.message;

  async function onSubmit(values: Output) {
    setFailure(null);
    const r = await props.save(values);
    if (r.ok) {
      router.push(`/assets/${r.data.id}`);
      router.refresh();
      return;
    }
    for (const [path, message] of Object.entries(r.fieldErrors ?? {})) {
      if (path in defaults) setError(path as keyof AssetFormValues, { message });
    }
    setFailure({ message: r.message, stale: Boolean(r.stale) });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
        {failure?.stale ? (
          <Alert tone="warning" title="Someone else changed this asset first">
            <p>{failure.message} Nothing of yours was saved.</p>
            <Button size="sm" className="mt-2" onClick={() => router.refresh()}>
              Reload the latest version
            </Button>
          </Alert>
        ) : failure ? (
          <Alert title="The asset was not saved">{failure.message}</Alert>
        ) : null}

        <fieldset className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Identity and location</legend>
          {mode === "create" ? (
            <Field id="siteCode" label="Site" error={err("siteCode")}>
              <Select {...register("siteCode")}>
                <SiteOptions sites={sites} />
              </Select>
            </Field>
          ) : (
            <Field id="siteCode" label="Site" hint="An asset stays at its site.">
              <Input
                value={`${defaults.siteCode} — ${sites.find((s) => s.code === defaults.siteCode)?.name ?? ""}`}
                readOnly
              />
            </Field>
          )}
          <Field id="areaCode" label="Area" error={err("areaCode")}>
            <Select {...register("areaCode")}>
              <option value="">No area</option>
              {areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} — {a.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="tag" label="Tag" hint="Plant tag, e.g. PLC-201A; unique at the site." error={err("tag")}>
            <Input autoComplete="off" className="font-mono" {...register("tag")} />
          </Field>
          <Field id="name" label="Name" error={err("name")}>
            <Input {...register("name")} />
          </Field>
          <Field id="kind" label="Kind" error={err("kind")}>
            <Select {...register("kind")}>
              {ASSET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ASSET_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="redundancyGroup"
            label="Redundancy group"
            hint="Same value on each member of a redundant pair."
            error={err("redundancyGroup")}
          >
            <Input autoComplete="off" {...register("redundancyGroup")} />
          </Field>
        </fieldset>

        <fieldset className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Product</legend>
          <Field id="vendor" label="Vendor" error={err("vendor")}>
            <Input {...register("vendor")} />
          </Field>
          <Field id="product" label="Product" error={err("product")}>
            <Input {...register("product")} />
          </Field>
          <Field
            id="modelNumber"
            label="Model / order number"
            hint="e.g. 6ES7511-1AL03-0AB0"
            error={err("modelNumber")}
          >
            <Input className="font-mono" {...register("modelNumber")} />
          </Field>
          <Field id="version" label="Firmware / software version" error={err("version")}>
            <Input className="font-mono" {...register("version")} />
          </Field>
        </fieldset>

        <fieldset className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Risk and network</legend>
          <Field id="criticality" label="Criticality" error={err("criticality")}>
            <Select {...register("criticality")}>
              {CRITICALITIES.map((c) => (
                <option key={c} value={c}>
                  {CRITICALITY_LABELS[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Controller
            control={control}
            name="purdueLevel"
            render={({ field }) => (
              <Field id="purdueLevel" label="Purdue level" error={err("purdueLevel")}>
                <Select
                  name={field.name}
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={field.value === null || field.value === undefined ? "" : String(field.value)}
                  onChange={(e) => field.onChange(e.target.value === "" ? null : Number(e.target.value))}
                >
                  <option value="">Not set</option>
                  {PURDUE_LEVELS.map((l) => (
                    <option key={l} value={String(l)}>
                      {PURDUE_HINTS[l]}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          />
          <Field id="zone" label="Security zone" hint="IEC 62443 zone or conduit name" error={err("zone")}>
            <Input {...register("zone")} />
          </Field>
          <Field
            id="exposure"
            label="Exposure"
            hint="Reach from outside its zone; remote access: vendor or engineer VPN"
            error={err("exposure")}
          >
            <Select {...register("exposure")}>
              {EXPOSURES.map((x) => (
                <option key={x} value={x}>
                  {EXPOSURE_LABELS[x]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="space-y-2 pt-5">
            <Checkbox
              id="safetyRelated"
              label="Safety-related (SIS, BMS, fire & gas)"
              {...register("safetyRelated")}
            />
            <Checkbox id="gxp" label="GxP-regulated" {...register("gxp")} />
          </div>
        </fieldset>

        <div className="flex items-center gap-2 border-t border-slate-200 pt-4">
          <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Saving…" : mode === "create" ? "Create asset" : "Save changes"}
          </Button>
          <Button asChild variant="ghost">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SITE_ROLES } from "@/lib/domain/constants";
import type { FormResult } from "@/lib/schemas/form-result";
import { roleMappingSchema, type RoleMappingInput } from "@/lib/schemas/sso";
import { ROLE_LABELS } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

/** "Whoever has VALUE in CLAIM gets ROLE at SITE", validated with the service's own schema. */
export function RoleMappingForm({
  sites,
  create,
}: {
  sites: { code: string; name: string }[];
  create: (values: RoleMappingInput) => Promise<FormResult>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<RoleMappingInput>({
    resolver: zodResolver(roleMappingSchema),
    defaultValues: { claim: "groups", value: "", siteCode: sites[0]?.code ?? "", role: "requester" },
  });
  if (sites.length === 0)
    return <p className="text-sm text-slate-600">Create a site before mapping roles.</p>;
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={handleSubmit(async (values) => {
        setError(null);
        const result = await create(values);
        if (!result.ok) return setError(result.message);
        reset({ ...values, value: "" });
        router.refresh();
      })}
    >
      {error ? <Alert title="Mapping not added">{error}</Alert> : null}
      <div className="flex flex-wrap items-start gap-2">
        <Field id="map-claim" label="Claim" className="w-36" error={formState.errors.claim?.message}>
          <Input {...register("claim")} />
        </Field>
        <Field
          id="map-value"
          label="Value (e.g. group name)"
          className="w-64"
          error={formState.errors.value?.message}
        >
          <Input {...register("value")} />
        </Field>
        <Field id="map-site" label="Site" className="w-48">
          <Select {...register("siteCode")}>
            <SiteOptions sites={sites} />
          </Select>
        </Field>
        <Field id="map-role" label="Role" className="w-48">
          <Select {...register("role")}>
            {SITE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary" className="mt-5" disabled={formState.isSubmitting}>
          Add mapping
        </Button>
      </div>
    </form>
  );
}

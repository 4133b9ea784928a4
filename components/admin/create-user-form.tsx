"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { SITE_ROLES } from "@/lib/domain/constants";
import type { FormResult } from "@/lib/schemas/form-result";
import { createUserSchema } from "@/lib/schemas/users";
import { ROLE_LABELS } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

type Input = z.input<typeof createUserSchema>;
type Output = z.output<typeof createUserSchema>;

export function CreateUserForm({
  sites,
  create,
}: {
  sites: { code: string; name: string }[];
  create: (values: Output) => Promise<FormResult<{ email: string }>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", password: "", isAdmin: false, grants: [] },
  });
  const grants = useFieldArray({ control, name: "grants" });

  async function onSubmit(values: Output) {
    setError(null);
    const result = await create(values);
    if (!result.ok) {
      setError(result.message);
      for (const [k, m] of Object.entries(result.fieldErrors ?? {}))
        if (k === "email" || k === "name" || k === "password") setFieldError(k, { message: m });
      return;
    }
    router.push(`/admin/users/${encodeURIComponent(result.data.email)}`);
  }

  const errors = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-2xl space-y-4">
      {error ? <Alert title="User not created">{error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="new-email" label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...register("email")} />
        </Field>
        <Field id="new-name" label="Full name" error={errors.name?.message}>
          <Input autoComplete="off" {...register("name")} />
        </Field>
        <Field
          id="new-password"
          label="Initial password"
          hint="At least 12 characters. Tell the person through a separate channel."
          error={errors.password?.message}
        >
          <Input type="password" autoComplete="new-password" {...register("password")} />
        </Field>
      </div>
      <Checkbox
        id="new-admin"
        label="Administrator (manages users and sites; grants no site role)"
        {...register("isAdmin")}
      />

      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-xs font-semibold text-slate-700">Site roles</legend>
        {grants.fields.length === 0 ? (
          <p className="text-sm text-slate-600">
            No roles yet. The user will see no site data until granted one.
          </p>
        ) : null}
        <ul className="space-y-2">
          {grants.fields.map((f, i) => (
            <li key={f.id} className="flex flex-wrap items-end gap-2">
              <Field
                id={`grant-${i}-site`}
                label={`Site, role ${i + 1}`}
                className="w-56"
                error={errors.grants?.[i]?.siteCode?.message}
              >
                <Select {...register(`grants.${i}.siteCode` as const)}>
                  <SiteOptions sites={sites} />
                </Select>
              </Field>
              <Field
                id={`grant-${i}-role`}
                label={`Role ${i + 1}`}
                className="w-56"
                error={errors.grants?.[i]?.role?.message}
              >
                <Select {...register(`grants.${i}.role` as const)}>
                  {SITE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => grants.remove(i)}
                aria-label={`Remove role ${i + 1}`}
              >
                <X className="size-4" aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
        <Button
          size="sm"
          className="mt-2"
          disabled={sites.length === 0}
          onClick={() => grants.append({ siteCode: sites[0]?.code ?? "", role: "requester" })}
        >
          <Plus className="size-4" aria-hidden="true" />
          Add a site role
        </Button>
        {sites.length === 0 ? <p className="mt-1 text-xs text-slate-600">Create a site first.</p> : null}
      </fieldset>

      <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}

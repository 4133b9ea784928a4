"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLE_LABELS } from "@/lib/domain/labels";
import type { DelegableRole } from "@/lib/domain/delegation/rules";
import { createDelegationSchema, type CreateDelegationInput } from "@/lib/schemas/delegations";
import type { FormResult } from "@/lib/schemas/form-result";

export interface DelegableAuthority {
  siteCode: string;
  siteName: string;
  role: DelegableRole;
  /** Today at the site (YYYY-MM-DD), the earliest first day. */
  today: string;
}

const key = (a: { siteCode: string; role: string }) => `${a.siteCode}:${a.role}`;

/** Lend one of the signer's own roles at one site to a colleague, for whole days at the site. */
export function DelegationForm({
  authorities,
  create,
}: {
  authorities: DelegableAuthority[];
  create: (values: CreateDelegationInput) => Promise<FormResult>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const first = authorities[0];
  const [authority, setAuthority] = useState(first ? key(first) : "");
  const chosen = authorities.find((a) => key(a) === authority) ?? first;
  const form = useForm<CreateDelegationInput>({
    resolver: zodResolver(createDelegationSchema),
    defaultValues: {
      delegateEmail: "",
      siteCode: first?.siteCode ?? "",
      role: first?.role ?? "safety",
      startDate: first?.today ?? "",
      endDate: first?.today ?? "",
      reason: "",
    },
  });
  const { register, handleSubmit, formState, setValue, setError: setFieldError, reset } = form;
  if (!chosen)
    return (
      <p className="text-sm text-slate-600">
        You hold no signing role (operations, safety, security, change manager or quality) of your own, so
        there is no authority to delegate.
      </p>
    );
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={handleSubmit(async (values) => {
        setError(null);
        setDone(null);
        const result = await create(values);
        if (!result.ok) {
          for (const [path, message] of Object.entries(result.fieldErrors ?? {}))
            setFieldError(path as keyof CreateDelegationInput, { message });
          return setError(result.message);
        }
        setDone(`Delegated to ${values.delegateEmail}.`);
        reset({ ...values, delegateEmail: "", reason: "" });
        router.refresh();
      })}
    >
      {error ? <Alert title="Not delegated">{error}</Alert> : null}
      {done ? (
        <p role="status" className="text-sm text-green-800">
          {done}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="delegation-authority" label="Authority" error={formState.errors.role?.message}>
          <Select
            value={authority}
            onChange={(e) => {
              const a = authorities.find((x) => key(x) === e.target.value)!;
              setAuthority(e.target.value);
              setValue("siteCode", a.siteCode);
              setValue("role", a.role);
            }}
          >
            {authorities.map((a) => (
              <option key={key(a)} value={key(a)}>
                {ROLE_LABELS[a.role]} · {a.siteCode} {a.siteName}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="delegation-delegate"
          label="Colleague's email"
          error={formState.errors.delegateEmail?.message}
        >
          <Input type="email" autoComplete="off" {...register("delegateEmail")} />
        </Field>
        <Field id="delegation-reason" label="Reason (optional)" error={formState.errors.reason?.message}>
          <Input placeholder="e.g. annual leave" {...register("reason")} />
        </Field>
        <Field
          id="delegation-start"
          label={`First day (at ${chosen.siteCode})`}
          error={formState.errors.startDate?.message}
        >
          <Input type="date" min={chosen.today} {...register("startDate")} />
        </Field>
        <Field
          id="delegation-end"
          label={`Last day (at ${chosen.siteCode})`}
          error={formState.errors.endDate?.message}
        >
          <Input type="date" min={chosen.today} {...register("endDate")} />
        </Field>
      </div>
      <p className="text-xs text-slate-600">
        Your colleague signs {ROLE_LABELS[chosen.role].toLowerCase()} sign-offs at {chosen.siteName} on your
        behalf from the first day&apos;s midnight to the end of the last day, site time. Both names go on each
        sign-off. They may hold no other approving or auditing role there.
      </p>
      <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Delegating…" : "Delegate"}
      </Button>
    </form>
  );
}

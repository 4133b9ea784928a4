"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { FormResult } from "@/lib/schemas/form-result";
import { changePasswordSchema } from "@/lib/schemas/users";

type Values = z.input<typeof changePasswordSchema>;

export function ChangePasswordForm({
  change,
}: {
  change: (values: Values) => Promise<FormResult<{ revoked: string }>>;
}) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, formState, reset, setError } = useForm<Values>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });

  async function onSubmit(values: Values) {
    setMessage(null);
    const result = await change(values);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.message });
      for (const [k, m] of Object.entries(result.fieldErrors ?? {}))
        if (k === "currentPassword" || k === "newPassword") setError(k, { message: m });
      return;
    }
    reset();
    setMessage({
      tone: "success",
      text: `Password changed. Revoked: ${result.data.revoked}. Create new API tokens and calendar feed URLs where you need them; this session stays signed in.`,
    });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-sm space-y-3">
      <p className="text-sm text-slate-600">
        Changing the password signs out your other sessions and revokes your API tokens and calendar feed
        URLs.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="current-password" label="Current password" error={formState.errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...register("currentPassword")} />
      </Field>
      <Field
        id="new-password"
        label="New password"
        hint="At least 12 characters."
        error={formState.errors.newPassword?.message}
      >
        <Input type="password" autoComplete="new-password" {...register("newPassword")} />
      </Field>
      <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}

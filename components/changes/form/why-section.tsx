"use client";
import { useState } from "react";
import { Controller, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Field, Textarea } from "@/components/ui/field";
import type { ChangeFormValues } from "./form-types";
import { FormSection } from "./sections";

function splitReferences(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The schema reports a bad reference by its index; name the offending entries. */
function referenceError(errors: FieldErrors<ChangeFormValues>): string | undefined {
  const e = errors.references as unknown as
    (({ message?: string } | undefined)[] & { message?: string }) | undefined;
  if (!e) return undefined;
  if (e.message) return e.message;
  if (Array.isArray(e))
    return e
      .filter(Boolean)
      .map((x) => x?.message)
      .filter(Boolean)
      .join(" ");
  return undefined;
}

export function WhySection({
  register,
  control,
  errors,
}: {
  register: UseFormRegister<ChangeFormValues>;
  control: Control<ChangeFormValues>;
  errors: FieldErrors<ChangeFormValues>;
}) {
  return (
    <FormSection id="why" title="Why">
      <Field id="justification" label="Justification / technical basis" error={errors.justification?.message}>
        <Textarea rows={4} {...register("justification")} />
      </Field>
      <Controller
        control={control}
        name="references"
        render={({ field }) => (
          <ReferencesInput
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={referenceError(errors)}
          />
        )}
      />
    </FormSection>
  );
}

function ReferencesInput({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  onBlur: () => void;
  error?: string;
}) {
  // The text is kept as typed; the list is derived, so a trailing newline is not swallowed.
  const [text, setText] = useState(value.join("\n"));
  return (
    <Field
      id="references"
      label="References"
      hint="CVE ids (CVE-2024-12345), advisory ids, vendor bulletins; one per line."
      error={error}
    >
      <Textarea
        rows={3}
        value={text}
        onBlur={onBlur}
        onChange={(e) => {
          setText(e.target.value);
          onChange(splitReferences(e.target.value));
        }}
      />
    </Field>
  );
}

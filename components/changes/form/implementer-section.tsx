"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import type { ChangeFormValues, ImplementerCandidate } from "./form-types";
import { FormSection } from "./sections";

export function ImplementerSection({
  register,
  errors,
  candidates,
}: {
  register: UseFormRegister<ChangeFormValues>;
  errors: FieldErrors<ChangeFormValues>;
  candidates: ImplementerCandidate[];
}) {
  return (
    <FormSection
      id="implementer"
      title="Implementer"
      description="Who carries out the change. Only they, or a requester at the site, may start it."
    >
      <Field
        id="implementerEmail"
        label="Implementer's email"
        error={errors.implementerEmail?.message}
        hint="Start typing to pick a requester at the change's sites."
      >
        <Input
          type="email"
          list="implementer-candidates"
          autoComplete="off"
          {...register("implementerEmail", {
            setValueAs: (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null),
          })}
        />
      </Field>
      <datalist id="implementer-candidates">
        {candidates.map((c) => (
          <option key={c.email} value={c.email}>
            {c.name} ({c.siteCodes.join(", ")})
          </option>
        ))}
      </datalist>
    </FormSection>
  );
}

"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { implementerEmailOf } from "@/lib/domain/changes/implementer-input";
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
        label="Implementer's email or name"
        error={errors.implementerEmail?.message}
        hint="Type a name or an email and pick a requester at the change's sites."
      >
        <Input
          type="text"
          inputMode="email"
          list="implementer-candidates"
          autoComplete="off"
          {...register("implementerEmail", {
            setValueAs: (v: unknown) => implementerEmailOf(v, candidates),
          })}
        />
      </Field>
      <datalist id="implementer-candidates">
        {candidates.map((c) => (
          <option key={c.email} value={c.email} label={`${c.name} (${c.siteCodes.join(", ")})`} />
        ))}
      </datalist>
    </FormSection>
  );
}

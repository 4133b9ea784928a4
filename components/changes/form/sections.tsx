"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Card, SectionHeading } from "@/components/ui/card";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { CHANGE_CLASSES, CHANGE_TYPES, PRODUCTION_IMPACTS, SAFETY_IMPACTS } from "@/lib/domain/constants";
import type { ChangeFormValues } from "./form-types";
import {
  CHANGE_CLASS_HINTS,
  CHANGE_CLASS_LABELS,
  CHANGE_TYPE_LABELS,
  PRODUCTION_IMPACT_LABELS,
  SAFETY_IMPACT_LABELS,
} from "@/lib/domain/labels";

type Props = { register: UseFormRegister<ChangeFormValues>; errors: FieldErrors<ChangeFormValues> };

export function FormSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <section aria-labelledby={`${id}-heading`} className="space-y-3 p-4">
        <div>
          <SectionHeading id={`${id}-heading`}>{title}</SectionHeading>
          {description ? <p className="text-xs text-slate-600">{description}</p> : null}
        </div>
        {children}
      </section>
    </Card>
  );
}

export function WhatSection({ register, errors, children }: Props & { children?: React.ReactNode }) {
  return (
    <FormSection id="what" title="What">
      <Field id="title" label="Title" error={errors.title?.message}>
        <Input {...register("title")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="type" label="Type" error={errors.type?.message}>
          <Select {...register("type")}>
            {CHANGE_TYPES.map((t) => (
              <option key={t} value={t}>
                {CHANGE_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="class"
          label="Class"
          error={errors.class?.message}
          hint="Emergency changes collect some sign-offs afterwards, within 72 hours."
        >
          <Select {...register("class")}>
            {CHANGE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {CHANGE_CLASS_LABELS[c]} — {CHANGE_CLASS_HINTS[c]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {children}
      <Field id="description" label="Description" error={errors.description?.message}>
        <Textarea rows={4} {...register("description")} />
      </Field>
    </FormSection>
  );
}

export function PlanSection({ register, errors }: Props) {
  return (
    <FormSection
      id="plan"
      title="Plan"
      description="How the change is made, and how it is undone if it goes wrong."
    >
      <Field id="implementationPlan" label="Implementation plan" error={errors.implementationPlan?.message}>
        <Textarea rows={5} {...register("implementationPlan")} />
      </Field>
      <Field id="backoutPlan" label="Backout plan" error={errors.backoutPlan?.message}>
        <Textarea rows={4} {...register("backoutPlan")} />
      </Field>
    </FormSection>
  );
}

export function TestSection({ register, errors }: Props) {
  return (
    <FormSection id="tests" title="Test evidence">
      <div className="flex flex-wrap gap-6">
        <Checkbox id="testedOnTestBench" label="Tested on a test bench" {...register("testedOnTestBench")} />
        <Checkbox id="vendorQualified" label="Vendor-qualified" {...register("vendorQualified")} />
      </div>
      <Field id="testNotes" label="Test notes" error={errors.testNotes?.message}>
        <Textarea rows={3} {...register("testNotes")} />
      </Field>
    </FormSection>
  );
}

export function ImpactSection({ register, errors }: Props) {
  return (
    <FormSection
      id="impact"
      title="Impact"
      description="Feeds the risk score and decides whether safety must sign."
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id="expectedDowntimeMinutes"
          label="Expected downtime (minutes)"
          error={errors.expectedDowntimeMinutes?.message}
        >
          <Input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            {...register("expectedDowntimeMinutes", { valueAsNumber: true })}
          />
        </Field>
        <Field id="productionImpact" label="Production impact" error={errors.productionImpact?.message}>
          <Select {...register("productionImpact")}>
            {PRODUCTION_IMPACTS.map((p) => (
              <option key={p} value={p}>
                {PRODUCTION_IMPACT_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="safetyImpact" label="Safety impact" error={errors.safetyImpact?.message}>
          <Select {...register("safetyImpact")}>
            {SAFETY_IMPACTS.map((p) => (
              <option key={p} value={p}>
                {SAFETY_IMPACT_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox
        id="safetyBypassRequired"
        label="A safety-function bypass is needed"
        {...register("safetyBypassRequired")}
      />
    </FormSection>
  );
}

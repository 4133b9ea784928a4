"use client";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { formatUtc, localInputToUtc, toLocalInput, zoneAbbreviation } from "@/lib/domain/site-time";
import type { ChangeFormValues } from "./form-types";
import { FormSection } from "./sections";

export interface FormZone {
  zone: string;
  siteCode: string;
  siteName: string;
}

function asInstant(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString();
  return typeof v === "string" && v ? v : null;
}

export function SlotInput({
  id,
  label,
  zone,
  value,
  onChange,
  onBlur,
  error,
}: {
  id: string;
  label: string;
  zone: string;
  value: unknown;
  onChange: (v: string | null) => void;
  onBlur: () => void;
  error?: string;
}) {
  const instant = asInstant(value);
  const abbr = zoneAbbreviation(zone, instant ?? new Date());
  return (
    <Field id={id} label={`${label} (${abbr})`} error={error} hint={instant ? formatUtc(instant) : undefined}>
      <Input
        type="datetime-local"
        value={instant ? toLocalInput(instant, zone) : ""}
        onChange={(e) => onChange(localInputToUtc(e.target.value, zone))}
        onBlur={onBlur}
      />
    </Field>
  );
}

export function ScheduleSection({
  control,
  errors,
  zone,
  otherZones,
  children,
}: {
  control: Control<ChangeFormValues>;
  errors: FieldErrors<ChangeFormValues>;
  zone: FormZone;
  otherZones: FormZone[];
  children?: React.ReactNode;
}) {
  return (
    <FormSection
      id="schedule"
      title="Schedule"
      description={`Local time at ${zone.siteName} (${zone.zone}); stored as UTC.`}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Controller
          control={control}
          name="plannedStart"
          render={({ field }) => (
            <SlotInput
              id="plannedStart"
              label="Planned start"
              zone={zone.zone}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.plannedStart?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="plannedEnd"
          render={({ field }) => (
            <SlotInput
              id="plannedEnd"
              label="Planned end"
              zone={zone.zone}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.plannedEnd?.message}
            />
          )}
        />
      </div>
      {otherZones.length > 0 ? (
        <p className="text-xs text-slate-600">
          This change also touches {otherZones.map((z) => `${z.siteName} (${z.zone})`).join(", ")}; the slot
          is the same instant there.
        </p>
      ) : null}
      {children}
    </FormSection>
  );
}

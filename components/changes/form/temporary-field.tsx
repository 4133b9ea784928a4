"use client";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import type { ChangeFormValues } from "./form-types";
import { SlotInput } from "./schedule-section";

/**
 * A temporary change (a vendor's firewall rule, a proof-test bypass) and the instant it must be
 * reverted by. The expiry is approved content: moving it later needs every sign-off again.
 */
export function TemporaryField({
  control,
  errors,
  zone,
}: {
  control: Control<ChangeFormValues>;
  errors: FieldErrors<ChangeFormValues>;
  zone: string;
}) {
  return (
    <Controller
      control={control}
      name="temporaryUntil"
      render={({ field }) => {
        const on = field.value !== null && field.value !== undefined;
        return (
          <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-900">Temporary change</legend>
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input
                id="temporary"
                type="checkbox"
                className="mt-0.5"
                aria-describedby="temporary-hint"
                checked={on}
                onChange={(e) => field.onChange(e.target.checked ? "" : null)}
              />
              <span>This change is temporary and must be reverted by an expiry</span>
            </label>
            {/* A description, not part of the label: the checkbox's name stays short. */}
            <p id="temporary-hint" className="pl-6 text-xs text-slate-600">
              On completion Interlock drafts the revert (the backout plan as its plan, same assets), due by
              the expiry. Extending the expiry needs the same sign-offs again.
            </p>
            {on ? (
              <SlotInput
                id="temporaryUntil"
                label="Expires"
                zone={zone}
                value={field.value}
                onChange={(v) => field.onChange(v ?? "")}
                onBlur={field.onBlur}
                error={errors.temporaryUntil?.message}
              />
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}

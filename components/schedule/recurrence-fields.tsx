"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { WEEKDAY_CODES, WEEKDAY_NAMES, type Frequency } from "@/lib/calendar/recurrence-builder";
import type { WindowFormValues } from "@/lib/calendar/window-form";

const UNIT: Record<Frequency, string> = {
  none: "",
  daily: "day(s)",
  weekly: "week(s)",
  monthly: "month(s)",
  custom: "",
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

/** None / daily / weekly (weekdays) / monthly (day of month) / custom RRULE, every N, and how the series ends. */
export function RecurrenceFields({
  register,
  errors,
  freq,
  endMode,
}: {
  register: UseFormRegister<WindowFormValues>;
  errors: FieldErrors<WindowFormValues>;
  freq: Frequency;
  endMode: WindowFormValues["endMode"];
}) {
  const num = { valueAsNumber: true } as const;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">Repeat</legend>
      <div className="flex flex-wrap items-end gap-3">
        <Field id="wf-freq" label="Repeats" error={errors.freq?.message} className="w-44">
          <Select {...register("freq")}>
            <option value="none">Does not repeat</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly (day of month)</option>
            <option value="custom">Custom rule (RRULE)</option>
          </Select>
        </Field>
        {freq === "daily" || freq === "weekly" || freq === "monthly" ? (
          <Field
            id="wf-interval"
            label={`Every … ${UNIT[freq]}`}
            error={errors.interval?.message}
            className="w-32"
          >
            <Input type="number" min={1} max={104} {...register("interval", num)} />
          </Field>
        ) : null}
        {freq === "monthly" ? (
          <Field id="wf-monthday" label="On day of month" error={errors.monthDay?.message} className="w-32">
            <Input type="number" min={1} max={31} {...register("monthDay", num)} />
          </Field>
        ) : null}
      </div>
      {freq === "weekly" ? (
        <fieldset aria-describedby={errors.weekdays ? "wf-weekdays-error" : undefined}>
          <legend className="text-xs font-medium text-slate-700">On</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {WEEKDAY_CODES.map((d) => (
              <label key={d} className="flex items-center gap-1.5 text-sm text-slate-800">
                <input
                  type="checkbox"
                  value={d}
                  className="size-4 rounded border-slate-400"
                  {...register("weekdays")}
                />
                {WEEKDAY_NAMES[d]}
              </label>
            ))}
          </div>
          <FieldError id="wf-weekdays-error" message={errors.weekdays?.message} />
        </fieldset>
      ) : null}
      {freq === "custom" ? (
        <Field
          id="wf-custom"
          label="Recurrence rule (RFC 5545)"
          hint="For example FREQ=MONTHLY;BYDAY=1SU (first Sunday of each month). Time of day comes from the start."
          error={errors.custom?.message}
        >
          <Textarea rows={2} className="font-mono" {...register("custom")} />
        </Field>
      ) : null}
      {freq !== "none" ? (
        <fieldset>
          <legend className="text-xs font-medium text-slate-700">Ends</legend>
          <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-800">
            <label className="flex items-center gap-1.5">
              <input type="radio" value="never" {...register("endMode")} /> Never
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" value="until" {...register("endMode")} /> On date
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" value="count" {...register("endMode")} disabled={freq === "custom"} /> After
              a number of times
            </label>
          </div>
          {endMode === "until" ? (
            <Field
              id="wf-until"
              label="Last day (site time, inclusive)"
              error={errors.untilDate?.message}
              className="mt-2 w-48"
            >
              <Input type="date" {...register("untilDate")} />
            </Field>
          ) : null}
          {endMode === "count" && freq !== "custom" ? (
            <Field id="wf-count" label="Number of times" error={errors.count?.message} className="mt-2 w-40">
              <Input type="number" min={1} max={5000} {...register("count", num)} />
            </Field>
          ) : null}
        </fieldset>
      ) : null}
    </fieldset>
  );
}

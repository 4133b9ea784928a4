"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { DEFAULT_BUILDER, builderFrom, weekdayOf } from "@/lib/calendar/recurrence-builder";
import type { WindowContentInput } from "@/lib/schemas/schedule";
import type { FormResult } from "@/lib/schemas/form-result";
import type { WindowView } from "@/lib/types/schedule";
import { RecurrenceFields } from "./recurrence-fields";
import {
  formFieldFor,
  previewDef,
  toWindowInput,
  windowFormSchema,
  type WindowFormValues,
} from "@/lib/calendar/window-form";
import { WindowPreview } from "./window-preview";

export interface WindowFormSite {
  code: string;
  timeZone: string;
  areas: { code: string; name: string }[];
}

/** What an edit starts from: the window as the services show it. */
export type WindowFormInitial = Pick<
  WindowView,
  "kind" | "title" | "areaCodes" | "start" | "durationMinutes" | "rrule" | "until" | "cancelledOccurrences"
>;

function defaults(initial: WindowFormInitial | undefined, defaultStart: string): WindowFormValues {
  const start = initial?.start ?? defaultStart;
  const b = initial
    ? builderFrom(initial.rrule, initial.until, start)
    : { ...DEFAULT_BUILDER, weekdays: [weekdayOf(start) ?? "SU"], monthDay: Number(start.slice(8, 10)) };
  const minutes = initial?.durationMinutes ?? 240;
  return {
    kind: initial?.kind ?? "maintenance",
    title: initial?.title ?? "",
    areas: initial?.areaCodes ?? [],
    startDate: start.slice(0, 10),
    startTime: start.slice(11, 16),
    durationHours: Math.floor(minutes / 60),
    durationMins: minutes % 60,
    ...b,
  };
}

/** Create or edit a maintenance window or blackout, in the site's local time. */
export function WindowForm({
  site,
  initial,
  now,
  defaultStart,
  submit,
  cancelHref,
}: {
  site: WindowFormSite;
  initial?: WindowFormInitial;
  /** Server time (ISO) the preview counts "next occurrences" from, so server and browser render alike. */
  now: string;
  /** Site-local start ("2026-12-03T01:00") a new window begins with: defaultWindowStart. */
  defaultStart: string;
  submit: (input: WindowContentInput) => Promise<FormResult<{ id: string }>>;
  cancelHref: string;
}) {
  const router = useRouter();
  const form = useForm<WindowFormValues>({
    resolver: zodResolver(windowFormSchema),
    defaultValues: defaults(initial, defaultStart),
    mode: "onTouched",
  });
  const { register, handleSubmit, setError, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const values = useWatch({ control }) as WindowFormValues;
  const num = { valueAsNumber: true } as const;
  const canPreview =
    /^\d{4}-\d{2}-\d{2}$/.test(values.startDate ?? "") &&
    /^\d{2}:\d{2}$/.test(values.startTime ?? "") &&
    Number.isFinite(values.durationHours) &&
    Number.isFinite(values.durationMins);

  const onSubmit = handleSubmit(async (v) => {
    const result = await submit(toWindowInput(v));
    if (result.ok) {
      router.push(`/schedule/windows/${result.data.id}`);
      router.refresh();
      return;
    }
    let placed = false;
    for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
      const field = formFieldFor(path, v);
      if (field !== "root") {
        setError(field, { message });
        placed = true;
      }
    }
    setError("root.server", {
      message: placed ? `${result.message} See the highlighted fields.` : result.message,
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-4">
        {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">What</legend>
          <div className="flex flex-wrap gap-4 text-sm text-slate-800" role="radiogroup" aria-label="Kind">
            <label className="flex items-center gap-1.5">
              <input type="radio" value="maintenance" {...register("kind")} /> Maintenance window (changes
              allowed)
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" value="blackout" {...register("kind")} /> Blackout (no changes)
            </label>
          </div>
          <Field id="wf-title" label="Title" error={errors.title?.message}>
            <Input {...register("title")} maxLength={120} placeholder="Sunday maintenance window" />
          </Field>
          <fieldset>
            <legend className="text-xs font-medium text-slate-700">Areas</legend>
            <p className="text-xs text-slate-600">Leave all unticked for the whole site.</p>
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {site.areas.map((a) => (
                <label key={a.code} className="flex items-center gap-1.5 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    value={a.code}
                    className="size-4 rounded border-slate-400"
                    {...register("areas")}
                  />
                  {a.code} · {a.name}
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">
            When (site time, {site.timeZone.replace(/_/g, " ")})
          </legend>
          <div className="flex flex-wrap items-start gap-3">
            <Field id="wf-date" label="Start date" error={errors.startDate?.message} className="w-44">
              <Input type="date" {...register("startDate")} />
            </Field>
            <Field id="wf-time" label="Start time" error={errors.startTime?.message} className="w-32">
              <Input type="time" {...register("startTime")} />
            </Field>
            <Field
              id="wf-hours"
              label="Duration hours"
              error={errors.durationHours?.message}
              className="w-32"
            >
              <Input type="number" min={0} max={336} {...register("durationHours", num)} />
            </Field>
            <Field id="wf-mins" label="and minutes" error={errors.durationMins?.message} className="w-28">
              <Input type="number" min={0} max={59} step={5} {...register("durationMins", num)} />
            </Field>
          </div>
        </fieldset>
        <RecurrenceFields register={register} errors={errors} freq={values.freq} endMode={values.endMode} />
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : initial ? "Save window" : "Create window"}
          </Button>
          <Button asChild variant="ghost">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
        </div>
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <WindowPreview
          def={canPreview ? previewDef(values, site.timeZone, initial?.cancelledOccurrences ?? []) : null}
          now={now}
        />
      </div>
    </form>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { RUN_CRITICALITIES, RUN_KINDS } from "@/lib/domain/constants";
import { runContentSchema, type RunContentInput } from "@/lib/schemas/schedule";
import type { FormResult } from "@/lib/schemas/form-result";
import { RUN_CRITICALITY_LABELS, RUN_KIND_LABELS } from "@/lib/domain/labels";

const runFormSchema = runContentSchema;
export type RunFormValues = RunContentInput;

const FIELDS = ["areaCode", "title", "kind", "criticality", "start", "end"] as const;

/** Create or edit a production run; times are wall-clock times at the site. */
export function RunForm({
  areas,
  timeZone,
  initial,
  submit,
  onDone,
}: {
  areas: { code: string; name: string }[];
  timeZone: string;
  initial?: RunFormValues;
  submit: (input: RunFormValues) => Promise<FormResult<{ id: string }>>;
  onDone: () => void;
}) {
  const router = useRouter();
  const form = useForm<RunFormValues, unknown, z.output<typeof runFormSchema>>({
    resolver: zodResolver(runFormSchema),
    defaultValues: initial ?? {
      areaCode: areas[0]?.code ?? "",
      title: "",
      kind: "run",
      criticality: "normal",
      start: "",
      end: "",
    },
  });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const { errors, isSubmitting } = formState;
  // The shared schema validates; the action gets the raw strings so the server resolves site time itself.
  const onSubmit = handleSubmit(async () => {
    const raw = getValues() as RunFormValues;
    const result = await submit(raw);
    if (result.ok) {
      onDone();
      router.refresh();
      return;
    }
    for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
      const field = FIELDS.find((f) => f === path.split(".")[0]);
      if (field) setError(field, { message });
    }
    setError("root.server", { message: result.message });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {errors.root?.server ? <Alert tone="error">{errors.root.server.message}</Alert> : null}
      <Field id="run-title" label="Title" error={errors.title?.message}>
        <Input {...register("title")} maxLength={120} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="run-area" label="Area" error={errors.areaCode?.message}>
          <Select {...register("areaCode")}>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} · {a.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="run-kind"
          label="Type"
          error={errors.kind?.message}
          hint="A turnaround counts as a maintenance window."
        >
          <Select {...register("kind")}>
            {RUN_KINDS.map((k) => (
              <option key={k} value={k}>
                {RUN_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="run-criticality" label="Criticality" error={errors.criticality?.message}>
          <Select {...register("criticality")}>
            {RUN_CRITICALITIES.map((c) => (
              <option key={c} value={c}>
                {RUN_CRITICALITY_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="run-start" label={`Start (site time, ${timeZone})`} error={errors.start?.message}>
          <Input type="datetime-local" {...register("start")} />
        </Field>
        <Field id="run-end" label={`End (site time, ${timeZone})`} error={errors.end?.message}>
          <Input type="datetime-local" {...register("end")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2 pt-1">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : initial ? "Save run" : "Add run"}
        </Button>
      </div>
    </form>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { localInputToUtc, zoneAbbreviation } from "@/lib/domain/site-time";
import type { ScheduleMeetingInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";

interface SiteChoice {
  code: string;
  name: string;
  timeZone: string;
}

/** Site, title, local start, duration and weekly repeats; errors come back from the service. */
export function ScheduleMeetingForm({
  sites,
  action,
}: {
  sites: SiteChoice[];
  action: (input: ScheduleMeetingInput) => Promise<FormResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [site, setSite] = useState(sites[0]!.code);
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = sites.find((s) => s.code === site)?.timeZone ?? "UTC";

  async function submit(form: FormData) {
    setBusy(true);
    setFailure(null);
    const local = String(form.get("startsAt") ?? "");
    const result = await action({
      siteCode: site,
      title: String(form.get("title") ?? ""),
      startsAt: (local && localInputToUtc(local, zone)) || "",
      durationMinutes: Number(form.get("durationMinutes")),
      repeatWeeks: Number(form.get("repeatWeeks") || 0),
    });
    setBusy(false);
    if (result.ok) router.push(`/board/${result.data.id}`);
    else setFailure({ message: result.message, fields: result.fieldErrors ?? {} });
  }

  return (
    <form action={submit} className="space-y-3 p-4" aria-label="Schedule a board meeting">
      {failure ? <Alert title="Not scheduled">{failure.message}</Alert> : null}
      <Field id="meeting-site" label="Site">
        <Select value={site} onChange={(e) => setSite(e.target.value)}>
          {sites.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name} ({s.code})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="meeting-title" label="Title" error={failure?.fields.title}>
        <Input name="title" defaultValue="Change advisory board" required />
      </Field>
      <Field
        id="meeting-start"
        label={`Starts (${zoneAbbreviation(zone, new Date())})`}
        error={failure?.fields.startsAt}
      >
        <Input name="startsAt" type="datetime-local" required />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="meeting-duration" label="Duration (minutes)" error={failure?.fields.durationMinutes}>
          <Input name="durationMinutes" type="number" min={15} max={480} defaultValue={60} />
        </Field>
        <Field
          id="meeting-repeat"
          label="Repeat weekly (weeks)"
          hint="0 for a one-off"
          error={failure?.fields.repeatWeeks}
        >
          <Input name="repeatWeeks" type="number" min={0} max={26} defaultValue={0} />
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Scheduling…" : "Schedule meeting"}
      </Button>
    </form>
  );
}

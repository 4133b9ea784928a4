"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { describeSeries, repeatProblem, type MeetingRepeatKind } from "@/lib/domain/board/recurrence";
import { localInputToUtc, zoneAbbreviation } from "@/lib/domain/site-time";
import type { ScheduleMeetingInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";

interface SiteChoice {
  code: string;
  name: string;
  timeZone: string;
}

const UNIT: Record<MeetingRepeatKind, string> = { none: "", weekly: "weeks", monthly: "months" };

/** Site, title, local start, duration and how it repeats; errors come back from the service. */
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
  const [local, setLocal] = useState("");
  const [duration, setDuration] = useState(60);
  const [repeat, setRepeat] = useState<MeetingRepeatKind>("none");
  const [every, setEvery] = useState(1);
  const [count, setCount] = useState(1);
  const series = { repeat, every, count: repeat === "none" ? 1 : count };
  const startsAt = local ? localInputToUtc(local, zone) : null;
  const preview =
    startsAt && Number.isInteger(duration) && duration >= 15 && !repeatProblem(series)
      ? describeSeries(new Date(startsAt), zone, duration, series)
      : null;

  async function submit(form: FormData) {
    setBusy(true);
    setFailure(null);
    const result = await action({
      siteCode: site,
      title: String(form.get("title") ?? ""),
      startsAt: startsAt ?? "",
      durationMinutes: duration,
      ...series,
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
        label={`Starts (${zoneAbbreviation(zone, startsAt ?? new Date())})`}
        error={failure?.fields.startsAt}
      >
        <Input
          name="startsAt"
          type="datetime-local"
          required
          value={local}
          onChange={(e) => setLocal(e.target.value)}
        />
      </Field>
      <Field id="meeting-duration" label="Duration (minutes)" error={failure?.fields.durationMinutes}>
        <Input
          name="durationMinutes"
          type="number"
          min={15}
          max={480}
          value={duration}
          onChange={(e) => setDuration(Number(e.target.value))}
        />
      </Field>
      <Field id="meeting-repeat" label="Repeats" error={failure?.fields.repeat}>
        <Select
          value={repeat}
          onChange={(e) => {
            const next = e.target.value as MeetingRepeatKind;
            setRepeat(next);
            if (next !== "none" && count < 2) setCount(6);
          }}
        >
          <option value="none">Does not repeat</option>
          <option value="weekly">Weekly, or every few weeks</option>
          <option value="monthly">Monthly, on the same weekday</option>
        </Select>
      </Field>
      {repeat === "none" ? null : (
        <div className="grid grid-cols-2 gap-3">
          <Field id="meeting-every" label={`Every (${UNIT[repeat]})`} error={failure?.fields.every}>
            <Input
              name="every"
              type="number"
              min={1}
              max={12}
              value={every}
              onChange={(e) => setEvery(Number(e.target.value))}
            />
          </Field>
          <Field id="meeting-count" label="Meetings" hint="The first included" error={failure?.fields.count}>
            <Input
              name="count"
              type="number"
              min={2}
              max={26}
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </Field>
        </div>
      )}
      {preview ? (
        <p className="text-xs text-slate-700" data-testid="series-preview">
          {preview}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Scheduling…" : "Schedule meeting"}
      </Button>
    </form>
  );
}

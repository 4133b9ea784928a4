"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { localInputToUtc } from "@/lib/domain/site-time";
import type { FormResult } from "@/lib/schemas/form-result";

type Action<T = null> = (values: unknown) => Promise<FormResult<T>>;

/** Submits, shows the plain refusal or field errors, refreshes the page on success. */
function useSubmit<T>(action: Action<T>, onDone?: (data: T) => void) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const submit = (values: unknown) =>
    start(async () => {
      setError(null);
      setFields({});
      const r = await action(values);
      if (!r.ok) {
        setError(r.message);
        setFields(r.fieldErrors ?? {});
        return;
      }
      onDone?.(r.data);
      router.refresh();
    });
  return { pending, error, fields, submit };
}

function Failure({ error }: { error: string | null }) {
  return error ? <Alert>{error}</Alert> : null;
}

export function DecideMatchForm({ assetId, tag, action }: { assetId: string; tag: string; action: Action }) {
  const id = useId();
  const [status, setStatus] = useState("");
  const [reason, setReason] = useState("");
  const { pending, error, fields, submit } = useSubmit(action);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label={`Decide ${tag}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ assetId, status, reason });
      }}
    >
      <Field id={`${id}-s`} label="Decision" error={fields.status}>
        <Select value={status} onChange={(e) => setStatus(e.target.value)} required>
          <option value="">Choose…</option>
          <option value="affected">Affected</option>
          <option value="not_affected">Not affected</option>
        </Select>
      </Field>
      <Field id={`${id}-r`} label="Reason" error={fields.reason} className="min-w-56 flex-1">
        <Input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
      </Field>
      <Button type="submit" size="md" disabled={pending}>
        {pending ? "Recording…" : "Record decision"}
      </Button>
      <div className="basis-full">
        <Failure error={error} />
      </div>
    </form>
  );
}

export function ApplicabilityForm({
  siteCode,
  siteName,
  action,
}: {
  siteCode: string;
  siteName: string;
  action: Action;
}) {
  const id = useId();
  const [applicable, setApplicable] = useState("");
  const [reason, setReason] = useState("");
  const { pending, error, fields, submit } = useSubmit(action);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label={`Applicability at ${siteName}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ siteCode, applicable: applicable === "yes", reason });
      }}
    >
      <Field id={`${id}-a`} label="Applies here?">
        <Select value={applicable} onChange={(e) => setApplicable(e.target.value)} required>
          <option value="">Choose…</option>
          <option value="yes">Applicable</option>
          <option value="no">Not applicable</option>
        </Select>
      </Field>
      <Field id={`${id}-r`} label="Reason" error={fields.reason} className="min-w-56 flex-1">
        <Input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record"}
      </Button>
      <div className="basis-full">
        <Failure error={error} />
      </div>
    </form>
  );
}

export function PlanForm({
  siteCode,
  timeZone,
  zoneLabel,
  managers,
  action,
}: {
  siteCode: string;
  timeZone: string;
  zoneLabel: string;
  managers: { email: string; name: string }[];
  action: Action;
}) {
  const id = useId();
  const [actions, setActions] = useState("");
  const [target, setTarget] = useState("");
  const [approver, setApprover] = useState("");
  const { pending, error, fields, submit } = useSubmit(action);
  return (
    <form
      className="space-y-2"
      aria-label="Mitigation plan"
      onSubmit={(e) => {
        e.preventDefault();
        submit({
          siteCode,
          actions,
          targetDate: localInputToUtc(target, timeZone) ?? target,
          approverEmail: approver,
        });
      }}
    >
      <Field id={`${id}-a`} label="Mitigating actions" error={fields.actions}>
        <Textarea value={actions} onChange={(e) => setActions(e.target.value)} required />
      </Field>
      <div className="flex flex-wrap items-end gap-2">
        <Field id={`${id}-t`} label={`Target date (${zoneLabel})`} error={fields.targetDate}>
          <Input type="datetime-local" value={target} onChange={(e) => setTarget(e.target.value)} required />
        </Field>
        <Field id={`${id}-p`} label="Approved by (change manager)" error={fields.approverEmail}>
          <Select value={approver} onChange={(e) => setApprover(e.target.value)} required>
            <option value="">Choose…</option>
            {managers.map((m) => (
              <option key={m.email} value={m.email}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record plan"}
        </Button>
      </div>
      <Failure error={error} />
    </form>
  );
}

export function ExtendPlanForm({
  siteCode,
  timeZone,
  zoneLabel,
  signerName,
  meaning,
  action,
}: {
  siteCode: string;
  timeZone: string;
  zoneLabel: string;
  signerName: string;
  meaning: string;
  action: Action;
}) {
  const id = useId();
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [password, setPassword] = useState("");
  const { pending, error, fields, submit } = useSubmit(action, () => setPassword(""));
  return (
    <form
      className="space-y-2"
      aria-label="Extend the plan's target date"
      onSubmit={(e) => {
        e.preventDefault();
        submit({ siteCode, targetDate: localInputToUtc(target, timeZone) ?? target, reason, password });
      }}
    >
      <p className="text-xs text-slate-700">
        Signing as <strong>{signerName}</strong>: “{meaning}”.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <Field id={`${id}-t`} label={`New target date (${zoneLabel})`} error={fields.targetDate}>
          <Input type="datetime-local" value={target} onChange={(e) => setTarget(e.target.value)} required />
        </Field>
        <Field id={`${id}-r`} label="Reason" error={fields.reason} className="min-w-48 flex-1">
          <Input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        <Field id={`${id}-p`} label="Your password" error={fields.password}>
          <Input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Signing…" : "Sign extension"}
        </Button>
      </div>
      <Failure error={error} />
    </form>
  );
}

type Drafted = { changes: { id: string; number: string }[]; skipped: { siteCode: string; reason: string }[] };

export function DraftChangesButton({ action }: { action: () => Promise<FormResult<Drafted>> }) {
  const [result, setResult] = useState<Drafted | null>(null);
  const { pending, error, submit } = useSubmit<Drafted>(() => action(), setResult);
  return (
    <div className="space-y-2">
      <Button variant="primary" disabled={pending} onClick={() => submit(null)}>
        {pending ? "Drafting…" : "Draft changes"}
      </Button>
      <Failure error={error} />
      {result ? (
        <Alert tone={result.changes.length ? "success" : "info"}>
          {result.changes.length ? (
            <>
              Drafted{" "}
              {result.changes.map((c, i) => (
                <span key={c.id}>
                  {i ? ", " : ""}
                  <Link href={`/changes/${c.id}`}>{c.number}</Link>
                </span>
              ))}
              .
            </>
          ) : (
            "Nothing new to draft."
          )}
          {result.skipped.map((s) => (
            <div key={s.siteCode}>
              {s.siteCode}: {s.reason}
            </div>
          ))}
        </Alert>
      ) : null}
    </div>
  );
}

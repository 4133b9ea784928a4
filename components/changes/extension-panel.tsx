"use client";
// A temporary change in place asks for a later expiry here, and its approvers sign it (issue 15):
// the same sign-offs as the original, bound to the extension as shown.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { ExtensionState } from "@/lib/domain/constants";
import { EXTENSION_STATE_LABELS } from "@/lib/domain/labels";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { formatInZone } from "@/lib/domain/site-time";
import {
  extendTemporarySchema,
  extensionSignoffSchema,
  type ExtendTemporaryInput,
  type ExtensionSignoffInput,
} from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import type { ChangeView } from "@/lib/types/changes";
import { FailureAlert } from "./dialogs/failure-alert";
import { ActionDialog, ActionFooter, useActionDialog } from "./dialogs/action-dialog";
import { SlotInput } from "./form/schedule-section";
import { SiteTime } from "./site-time";

const TONE: Record<ExtensionState, BadgeTone> = { pending: "amber", approved: "green", rejected: "red" };
type Act<I> = (input: I) => Promise<FormResult<unknown>>;

function RequestDialog({
  zone,
  current,
  act,
}: {
  zone: string;
  current: string;
  act: Act<ExtendTemporaryInput>;
}) {
  const dialog = useActionDialog();
  const { run, failure, pending, setOpen } = dialog;
  const { control, register, handleSubmit, reset, setError, formState } = useForm<ExtendTemporaryInput>({
    resolver: zodResolver(extendTemporarySchema) as never,
    defaultValues: { until: undefined, reason: "" },
  });
  async function onSubmit(values: ExtendTemporaryInput) {
    const result = await run(() => act(values));
    if (result?.ok) {
      setOpen(false);
      reset();
    } else if (result && !result.ok && result.fieldErrors?.until)
      setError("until", { message: result.fieldErrors.until });
  }
  return (
    <ActionDialog
      dialog={dialog}
      trigger={<Button>Extend expiry</Button>}
      title="Ask for a later expiry"
      description={`It expires ${formatInZone(current, zone)} now. The approvers who signed the change sign the extension; until they have, the expiry stays.`}
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        <FailureAlert failure={failure} title="Not asked" />
        <Controller
          control={control}
          name="until"
          render={({ field }) => (
            <SlotInput
              id="extension-until"
              label="New expiry"
              zone={zone}
              value={field.value}
              onChange={(v) => field.onChange(v ?? "")}
              onBlur={field.onBlur}
              error={formState.errors.until?.message}
            />
          )}
        />
        <Field id="extension-reason" label="Why it must last longer" error={formState.errors.reason?.message}>
          <Textarea rows={3} {...register("reason")} />
        </Field>
        <ActionFooter dialog={dialog} pending={pending} label="Ask for sign-offs" />
      </form>
    </ActionDialog>
  );
}

type Ext = NonNullable<ChangeView["temporary"]["extension"]>;

function SignExtensionDialog({
  ext,
  zone,
  act,
}: {
  ext: Ext;
  zone: string;
  act: Act<ExtensionSignoffInput>;
}) {
  const options = ext.signOptions.filter((o) => o.available);
  const dialog = useActionDialog();
  const { run, failure, pending, setOpen } = dialog;
  const first = options[0]!;
  const { register, handleSubmit, reset, setValue, formState } = useForm<ExtensionSignoffInput>({
    resolver: zodResolver(extensionSignoffSchema) as never,
    defaultValues: {
      role: first.role,
      siteCode: first.role === "operations" ? (first.siteCode ?? undefined) : undefined,
      decision: "approve",
      comment: "",
      password: "",
      contentHash: ext.contentHash,
    },
  });
  const [choice, setChoice] = useState(0);
  function choose(i: number) {
    const o = options[i]!;
    setChoice(i);
    setValue("role", o.role);
    setValue("siteCode", o.role === "operations" ? (o.siteCode ?? undefined) : undefined);
  }
  async function onSubmit(values: ExtensionSignoffInput) {
    const result = await run(() => act(values));
    setValue("password", "");
    if (result?.ok) {
      setOpen(false);
      reset();
    }
  }
  return (
    <ActionDialog
      dialog={dialog}
      trigger={<Button variant="primary">Sign extension</Button>}
      title="Sign the later expiry"
      description={`Your signature covers this extension: from ${formatInZone(ext.fromUntil, zone)} to ${formatInZone(ext.toUntil, zone)}, because “${ext.reason}”.`}
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        <FailureAlert failure={failure} title="Not signed" />
        <Field id="extension-role" label="Sign as">
          <Select value={choice} onChange={(e) => choose(Number(e.target.value))}>
            {options.map((o, i) => (
              <option key={`${o.role}@${o.siteCode ?? ""}`} value={i}>
                {SIGNOFF_ROLE_LABELS[o.role]}
                {o.role === "operations" && o.siteCode ? ` (${o.siteCode})` : ""}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Decision</legend>
          <label className="flex items-center gap-2">
            <input type="radio" value="approve" {...register("decision")} /> Approve
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="reject" {...register("decision")} /> Reject
          </label>
        </fieldset>
        <Field
          id="extension-comment"
          label="Comment (required for a rejection)"
          error={formState.errors.comment?.message}
        >
          <Textarea rows={2} {...register("comment")} />
        </Field>
        <Field id="extension-password" label="Password" error={formState.errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...register("password")} />
        </Field>
        <ActionFooter dialog={dialog} pending={pending} label="Sign" pendingLabel="Signing…" />
      </form>
    </ActionDialog>
  );
}

/** The latest extension of a temporary change in place with its sign-offs, and what the viewer may do. */
export function ExtensionPanel({
  change,
  zone,
  request,
  sign,
}: {
  change: ChangeView;
  zone: string;
  request: Act<ExtendTemporaryInput>;
  sign: Act<ExtensionSignoffInput>;
}) {
  const t = change.temporary;
  const ext = t.extension;
  if (!change.temporaryUntil || (!ext && t.extendRefusal !== null)) return null;
  return (
    <section
      aria-labelledby="extension-heading"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="extension-heading" className="text-sm font-semibold text-slate-900">
          Expiry extension
        </h2>
        <div className="flex gap-2">
          {t.extendRefusal === null && t.expiresAt ? (
            <RequestDialog zone={zone} current={t.expiresAt} act={request} />
          ) : null}
          {ext && ext.signOptions.some((o) => o.available) ? (
            <SignExtensionDialog ext={ext} zone={zone} act={sign} />
          ) : null}
        </div>
      </div>
      {ext ? (
        <div className="mt-2 space-y-2 text-sm text-slate-800" data-testid="extension">
          <p>
            <Badge tone={TONE[ext.state]}>{EXTENSION_STATE_LABELS[ext.state]}</Badge> {ext.requestedByName}{" "}
            asked <SiteTime at={ext.requestedAt} zone={zone} /> to move the expiry from{" "}
            <SiteTime at={ext.fromUntil} zone={zone} /> to <SiteTime at={ext.toUntil} zone={zone} />:{" "}
            {ext.reason}
          </p>
          <ul
            className="divide-y divide-slate-100 rounded-md border border-slate-200"
            aria-label="Extension sign-offs"
          >
            {ext.required.map((r) => (
              <li
                key={`${r.role}:${r.siteCode ?? ""}`}
                className="flex flex-wrap justify-between gap-2 px-3 py-1.5"
              >
                <span className="font-medium">
                  {SIGNOFF_ROLE_LABELS[r.role]}
                  {r.siteCode ? ` (${r.siteCode})` : ""}
                </span>
                <span className="text-slate-700">
                  {r.signerName ? (
                    <>
                      {r.meaning} — {r.signerName}, <SiteTime at={r.signedAt} zone={zone} />
                    </>
                  ) : (
                    "Awaited"
                  )}
                </span>
              </li>
            ))}
          </ul>
          {ext.state === "pending" ? (
            <p className="text-xs text-slate-600">
              Until every sign-off is given the change keeps its expiry and its assets stay in the temporary
              state.
            </p>
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-700">
          The change is in place until <SiteTime at={t.expiresAt} zone={zone} />. A later expiry needs the
          sign-offs that approved it.
        </p>
      )}
    </section>
  );
}

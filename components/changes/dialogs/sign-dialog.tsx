"use client";
// Electronic signature (PRODUCT.md "Electronic signatures"): the signer sees exactly what the
// signature will mean before giving it, and re-enters their password to give it; a single sign-on
// signer signs in again at the identity provider instead, and comes back to this dialog as they left it.
import { zodResolver } from "@hookform/resolvers/zod";
import { PenLine, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { SignoffDecision, SignoffRole } from "@/lib/domain/constants";
import { acknowledgedMeaning, type SigningAcknowledgement } from "@/lib/domain/changes/supply-chain";
import { formatInZone } from "@/lib/domain/site-time";
import {
  signoffInputSchema,
  signoffIntentSchema,
  type SignoffInput,
  type SignoffIntent,
} from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import type { ReauthResume } from "@/lib/types/sso";
import { FailureAlert } from "./failure-alert";
import { ActionDialog, ActionFooter, useActionDialog } from "./action-dialog";

export interface SignChoice {
  role: SignoffRole;
  siteCode: string | null;
  label: string;
  meaning: Record<SignoffDecision, string>;
  /** Warnings an approval must acknowledge (e.g. the vendor has not qualified the fix). */
  acknowledge: { code: string; message: string }[];
}

export interface SsoSigning {
  provider: string;
  begin: (input: SignoffIntent) => Promise<FormResult<{ url: string }>>;
  /** Back from the provider without a signature: what was entered, and why. */
  resume: ReauthResume | null;
}

const keyOf = (role: string, siteCode: string | null | undefined) => `${role}:${siteCode ?? ""}`;

export function SignDialog({
  number,
  signerName,
  options,
  contentHash,
  zone,
  sign,
  sso = null,
  triggerLabel = "Sign",
  description = "Your signature covers the change content as it is now.",
}: {
  number: string;
  signerName: string;
  options: SignChoice[];
  /** The hash of the content this page shows: the signature approves exactly that. */
  contentHash: string;
  zone: string;
  sign: (input: SignoffInput) => Promise<FormResult<unknown>>;
  sso?: SsoSigning | null;
  triggerLabel?: string;
  /** What the signature covers (a catalog model version signs its own content, not a change's). */
  description?: string;
}) {
  const resume = sso?.resume ?? null;
  const dialog = useActionDialog({ initiallyOpen: resume !== null });
  const router = useRouter();
  const { run, failure, pending, setOpen } = dialog;
  const first = options[0];
  const defaults: SignoffInput = {
    role: first?.role ?? "security",
    siteCode: first?.siteCode ?? undefined,
    decision: "approve",
    comment: "",
    password: "",
    contentHash,
  };
  const initial: SignoffInput = resume
    ? { ...defaults, ...resume.input, password: "", contentHash }
    : defaults;
  const { register, handleSubmit, control, reset, setError, setValue, getValues, formState } =
    useForm<SignoffInput>({
      // The SSO schema is the same without the password (which the form then leaves empty).
      resolver: sso
        ? (zodResolver(signoffIntentSchema) as unknown as Resolver<SignoffInput>)
        : zodResolver(signoffInputSchema),
      defaultValues: initial,
    });
  const role = useWatch({ control, name: "role" });
  const siteCode = useWatch({ control, name: "siteCode" }) as string | undefined;
  const decision: SignoffDecision = useWatch({ control, name: "decision" }) ?? "approve";
  const [acks, setAcks] = useState<SigningAcknowledgement[]>([]);
  const [ackError, setAckError] = useState<string | null>(null);
  const chosen = options.find((o) => keyOf(o.role, o.siteCode) === keyOf(role, siteCode)) ?? first;
  if (!first || !chosen) return null;
  const warnings = decision === "approve" ? chosen.acknowledge : [];
  const acknowledged = acks.filter((c) => warnings.some((w) => w.code === c));

  async function onSubmit() {
    // The raw values: the server parses them with the same schema.
    const v = getValues();
    setAckError(null);
    if (sso) {
      // What was entered stays on the server under the OAuth state; the provider asks for the login.
      const { password: _none, ...intent } = v;
      const started = await run(() => sso.begin({ ...intent, acknowledged, contentHash }));
      if (started?.ok) window.location.assign((started.data as { url: string }).url);
      return;
    }
    const result = await run(
      () => sign({ ...v, acknowledged, contentHash }),
      v.decision === "reject" ? "rejected" : "signed",
    );
    if (result?.ok) {
      setOpen(false);
      reset(defaults);
      setAcks([]);
    } else {
      setValue("password", "");
      if (result && !result.ok && result.fieldErrors) {
        for (const [path, message] of Object.entries(result.fieldErrors)) {
          if (path === "comment" || path === "password") setError(path, { message });
          if (path === "acknowledged") setAckError(message);
        }
      }
    }
  }

  return (
    <ActionDialog
      dialog={dialog}
      trigger={
        <Button variant="primary">
          <PenLine className="size-4" aria-hidden="true" />
          {triggerLabel}
        </Button>
      }
      title={`Sign ${number}`}
      description={`You sign as ${signerName}. ${description}`}
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        {failure?.stale ? (
          <Alert tone="warning" title="The change was edited since you opened it">
            <p>
              {failure.stale.by ?? "Someone"} edited it
              {failure.stale.at ? ` on ${formatInZone(failure.stale.at, zone)}` : ""}. Nothing was signed:
              your signature would have approved content you have not seen. Reload the change, review the new
              content and sign again.
            </p>
            <Button
              size="sm"
              className="mt-2"
              onClick={() => {
                setOpen(false);
                reset(defaults);
                router.refresh();
              }}
            >
              <RefreshCw className="size-4" aria-hidden="true" />
              Reload the change
            </Button>
          </Alert>
        ) : (
          <FailureAlert failure={failure} title="Not signed" />
        )}
        {resume && !failure ? (
          <Alert tone="warning" title="Not signed">
            {resume.message}
          </Alert>
        ) : null}
        {options.length > 1 ? (
          <Field id="sign-role" label="Sign as">
            <Select
              value={keyOf(chosen.role, chosen.siteCode)}
              onChange={(e) => {
                const o = options.find((x) => keyOf(x.role, x.siteCode) === e.target.value);
                if (!o) return;
                setValue("role", o.role);
                setValue("siteCode", o.siteCode ?? undefined);
              }}
            >
              {options.map((o) => (
                <option key={keyOf(o.role, o.siteCode)} value={keyOf(o.role, o.siteCode)}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <p className="text-sm text-slate-700">
            Signing as <span className="font-medium text-slate-900">{first.label}</span>
          </p>
        )}
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-slate-700">Decision</legend>
          <div className="flex gap-4">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="approve" {...register("decision")} /> Approve
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="reject" {...register("decision")} /> Reject
            </label>
          </div>
        </fieldset>
        <Field
          id="sign-comment"
          label={decision === "reject" ? "Comment (required for a rejection)" : "Comment (optional)"}
          error={formState.errors.comment?.message}
        >
          <Textarea rows={3} {...register("comment")} />
        </Field>
        <div
          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
          data-testid="sign-meaning"
        >
          <p className="text-xs font-medium text-slate-600">Meaning of this signature</p>
          <p className="mt-0.5 font-medium text-slate-900">
            {acknowledgedMeaning(chosen.meaning[decision], decision === "approve" ? acknowledged : [])}
          </p>
          {contentHash ? (
            <p className="mt-1 text-xs text-slate-600">
              Content hash <code className="font-mono">{contentHash.slice(0, 12)}</code>
            </p>
          ) : null}
        </div>
        {warnings.map((w) => (
          <Alert key={w.code} tone="warning" title="Acknowledge before approving">
            <p>{w.message}</p>
            <label className="mt-2 flex items-start gap-2 font-medium">
              <input
                type="checkbox"
                className="mt-0.5"
                checked={acks.includes(w.code as SigningAcknowledgement)}
                aria-invalid={ackError ? true : undefined}
                aria-describedby={ackError ? "sign-ack-error" : undefined}
                onChange={(e) =>
                  setAcks((a) =>
                    e.target.checked
                      ? [...a, w.code as SigningAcknowledgement]
                      : a.filter((c) => c !== w.code),
                  )
                }
              />
              I acknowledge that the vendor has not qualified this fix
            </label>
            {ackError ? (
              <p id="sign-ack-error" className="mt-1 text-xs text-red-700">
                {ackError}
              </p>
            ) : null}
          </Alert>
        ))}
        {sso ? (
          <p className="text-sm text-slate-700" data-testid="sign-reauth">
            Signing takes you to {sso.provider}: sign in there again, as yourself. That fresh sign-in is your
            signature; you come back here afterwards.
          </p>
        ) : (
          <Field
            id="sign-password"
            label="Password"
            hint="Re-enter your password: it is your signature."
            error={formState.errors.password?.message}
          >
            <Input type="password" autoComplete="current-password" {...register("password")} />
          </Field>
        )}
        <ActionFooter
          dialog={dialog}
          pending={pending}
          disabled={formState.isSubmitting}
          label={`${decision === "reject" ? "Reject and sign" : "Approve and sign"}${sso ? ` with ${sso.provider}` : ""}`}
          pendingLabel={sso ? `Opening ${sso.provider}…` : "Signing…"}
          variant={decision === "reject" ? "danger" : "primary"}
          backLabel="Cancel"
          className="flex justify-end gap-2 pt-1"
        />
      </form>
    </ActionDialog>
  );
}

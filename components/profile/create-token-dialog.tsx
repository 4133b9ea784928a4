"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { FormResult } from "@/lib/schemas/form-result";
import { SCOPE_LABELS, TOKEN_SCOPES } from "@/lib/domain/token-scopes";
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, createTokenSchema } from "@/lib/schemas/tokens";

type Input = z.input<typeof createTokenSchema>;
type Output = z.output<typeof createTokenSchema>;
interface NewToken {
  name: string;
  token: string;
  expiresAt: string;
}

export function CreateTokenDialog({ create }: { create: (values: Output) => Promise<FormResult<NewToken>> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<NewToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const {
    register,
    handleSubmit,
    formState,
    reset,
    setError: setFieldError,
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(createTokenSchema),
    defaultValues: { name: "", days: String(TOKEN_DEFAULT_DAYS), scopes: ["read", "write"] },
  });

  async function onSubmit(values: Output) {
    setError(null);
    const result = await create(values);
    if (!result.ok) {
      setError(result.message);
      for (const [k, m] of Object.entries(result.fieldErrors ?? {}))
        if (k === "name" || k === "days" || k === "scopes") setFieldError(k, { message: m });
      return;
    }
    setCreated(result.data);
    router.refresh();
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      // The secret leaves memory when the dialog closes: it cannot be shown again.
      setCreated(null);
      setCopied(false);
      setError(null);
      reset();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="primary" size="sm">
          Create token
        </Button>
      </DialogTrigger>
      <DialogContent
        title={created ? "Your new API token" : "Create an API token"}
        description={
          created
            ? undefined
            : "The token acts as you, with your current site roles, until it expires or you revoke it."
        }
      >
        {created ? (
          <div className="space-y-3">
            <Alert tone="warning" title="Copy it now: you will not see it again.">
              Only a hash is stored. If you lose it, revoke it and create another.
            </Alert>
            <div className="space-y-1">
              <label htmlFor="new-token" className="block text-xs font-medium text-slate-700">
                Token “{created.name}”
              </label>
              <div className="flex gap-2">
                <Input
                  id="new-token"
                  readOnly
                  value={created.token}
                  className="font-mono text-xs"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton
                  value={created.token}
                  fieldId="new-token"
                  label="Copy token to clipboard"
                  onCopied={() => setCopied(true)}
                />
              </div>
              <p className="text-xs text-slate-600" aria-live="polite">
                {copied
                  ? "Copied to the clipboard."
                  : `Send it as Authorization: Bearer <token>. Expires ${created.expiresAt.slice(0, 10)}.`}
              </p>
            </div>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button variant="primary">Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
            {error ? <Alert title="Token not created">{error}</Alert> : null}
            <Field
              id="token-name"
              label="Name"
              hint="What uses it, e.g. “patch scanner” or “CI deploy”."
              error={formState.errors.name?.message}
            >
              <Input autoComplete="off" {...register("name")} />
            </Field>
            <Field
              id="token-days"
              label="Valid for (days)"
              hint={`1 to ${TOKEN_MAX_DAYS} days.`}
              error={formState.errors.days?.message}
            >
              <Input type="number" inputMode="numeric" min={1} max={TOKEN_MAX_DAYS} {...register("days")} />
            </Field>
            <fieldset className="space-y-1" aria-describedby="token-scopes-hint">
              <legend className="text-xs font-medium text-slate-700">What it may do</legend>
              {TOKEN_SCOPES.map((scope) => (
                <label key={scope} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={scope} {...register("scopes")} />
                  {SCOPE_LABELS[scope]}
                </label>
              ))}
              <p id="token-scopes-hint" className="text-xs text-slate-600">
                Give a script only what it needs. Signing always asks for your password as well.
              </p>
              {formState.errors.scopes?.message ? (
                <p className="text-xs text-red-700" role="alert">
                  {formState.errors.scopes.message}
                </p>
              ) : null}
            </fieldset>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button>Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? "Creating…" : "Create token"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

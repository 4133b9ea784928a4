"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "@/lib/domain/notifications/webhook-events";
import type { FormResult } from "@/lib/schemas/form-result";
import { createWebhookSchema, rotateWebhookSecretSchema } from "@/lib/schemas/notifications";

type In = z.input<typeof createWebhookSchema>;
type Out = z.output<typeof createWebhookSchema>;

/** 32 random bytes as hex: a secret to paste into the receiver. */
function newSecret(): string {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

export function CreateWebhookDialog({
  siteCodes,
  create,
}: {
  siteCodes: string[];
  create: (v: Out) => Promise<FormResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(createWebhookSchema),
    defaultValues: { siteCode: siteCodes[0] ?? "", url: "", events: [...WEBHOOK_EVENTS], secret: "" },
  });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await create(values);
    if (!r.ok) {
      setError(r.message);
      if (r.fieldErrors?.url) form.setError("url", { message: r.fieldErrors.url });
      return;
    }
    setOpen(false);
    form.reset();
    router.refresh();
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (setOpen(o), o ? form.setValue("secret", newSecret()) : form.reset())}
    >
      <DialogTrigger asChild>
        <Button variant="primary" size="sm">
          Register webhook
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Register a webhook"
        description="Interlock POSTs each chosen event as JSON, signed with the secret (X-Interlock-Signature)."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          {error ? <Alert title="Webhook not registered">{error}</Alert> : null}
          <Field id="hook-site" label="Site" error={e.siteCode?.message}>
            <Select {...form.register("siteCode")}>
              {siteCodes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="hook-url"
            label="URL"
            hint="http or https; redirects are not followed."
            error={e.url?.message}
          >
            <Input
              type="url"
              autoComplete="off"
              placeholder="https://deploy.example.com/interlock"
              {...form.register("url")}
            />
          </Field>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">Events</legend>
            {WEBHOOK_EVENTS.map((ev) => (
              <Checkbox
                key={ev}
                id={`hook-ev-${ev}`}
                label={`${WEBHOOK_EVENT_LABELS[ev]} (${ev})`}
                value={ev}
                {...form.register("events")}
              />
            ))}
            {e.events ? <p className="text-xs text-red-700">{e.events.message}</p> : null}
          </fieldset>
          <Field
            id="hook-secret"
            label="Secret"
            hint="Copy it into the receiver now: it is never shown again."
            error={e.secret?.message}
          >
            <Input autoComplete="off" className="font-mono text-xs" {...form.register("secret")} />
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Saving…" : "Register"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

type RIn = z.input<typeof rotateWebhookSecretSchema>;
type ROut = z.output<typeof rotateWebhookSecretSchema>;

export function RotateSecretDialog({
  url,
  rotate,
}: {
  url: string;
  rotate: (v: ROut) => Promise<FormResult<null>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<RIn, unknown, ROut>({
    resolver: zodResolver(rotateWebhookSecretSchema),
    defaultValues: { secret: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await rotate(values);
    if (!r.ok) return setError(r.message);
    setOpen(false);
    router.refresh();
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (setOpen(o), setError(null), o && form.setValue("secret", newSecret()))}
    >
      <DialogTrigger asChild>
        <Button size="sm" aria-label={`Rotate the secret of ${url}`}>
          Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Rotate the secret"
        description={`Deliveries to ${url} are signed with the new secret from now on, retries included.`}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          {error ? <Alert>{error}</Alert> : null}
          <Field id="rotate-secret" label="New secret" error={form.formState.errors.secret?.message}>
            <Input autoComplete="off" className="font-mono text-xs" {...form.register("secret")} />
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary">
              Rotate
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

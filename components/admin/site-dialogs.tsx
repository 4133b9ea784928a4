"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { FormResult } from "@/lib/schemas/form-result";
import { createAreaSchema, createSiteSchema } from "@/lib/schemas/sites";

type SiteIn = z.input<typeof createSiteSchema>;
type SiteOut = z.output<typeof createSiteSchema>;
type AreaIn = z.input<typeof createAreaSchema>;
type AreaOut = z.output<typeof createAreaSchema>;

/** Shared behaviour of both dialogs: submit, show the refusal or field errors, refresh on success. */
function useDialogForm<I extends FieldValues, O>(
  form: UseFormReturn<I, unknown, O>,
  submit: (v: O) => Promise<FormResult<{ code: string }>>,
) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await submit(values);
    if (!result.ok) {
      setError(result.message);
      for (const [k, m] of Object.entries(result.fieldErrors ?? {}))
        if (k in form.getValues()) form.setError(k as Path<I>, { message: m });
      return;
    }
    setOpen(false);
    form.reset();
    router.refresh();
  });
  const onOpenChange = (o: boolean) => {
    setOpen(o);
    if (!o) {
      setError(null);
      form.reset();
    }
  };
  return { open, onOpenChange, error, onSubmit };
}

function Actions({ busy, label }: { busy: boolean; label: string }) {
  return (
    <div className="flex justify-end gap-2">
      <DialogClose asChild>
        <Button>Cancel</Button>
      </DialogClose>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Saving…" : label}
      </Button>
    </div>
  );
}

export function CreateSiteDialog({
  zones,
  create,
}: {
  zones: string[];
  create: (v: SiteOut) => Promise<FormResult<{ code: string }>>;
}) {
  const form = useForm<SiteIn, unknown, SiteOut>({
    resolver: zodResolver(createSiteSchema),
    defaultValues: { code: "", name: "", timeZone: "" },
  });
  const d = useDialogForm(form, create);
  const e = form.formState.errors;
  return (
    <Dialog open={d.open} onOpenChange={d.onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="primary" size="sm">
          Create site
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Create a site"
        description="Times at the site are shown in its time zone, with daylight-saving changes applied."
      >
        <form onSubmit={d.onSubmit} noValidate className="space-y-3">
          {d.error ? <Alert title="Site not created">{d.error}</Alert> : null}
          <Field
            id="site-code"
            label="Code"
            hint="Short and stable, e.g. GCR. Letters, digits, - and _."
            error={e.code?.message}
          >
            <Input autoComplete="off" {...form.register("code")} />
          </Field>
          <Field id="site-name" label="Name" error={e.name?.message}>
            <Input autoComplete="off" {...form.register("name")} />
          </Field>
          <Field
            id="site-zone"
            label="Time zone (IANA)"
            hint="e.g. America/Chicago or Europe/Berlin; not an offset or abbreviation."
            error={e.timeZone?.message}
          >
            <Input list="iana-zones" autoComplete="off" {...form.register("timeZone")} />
          </Field>
          <datalist id="iana-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <Actions busy={form.formState.isSubmitting} label="Create site" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function CreateAreaDialog({
  siteCode,
  create,
}: {
  siteCode: string;
  create: (v: AreaOut) => Promise<FormResult<{ code: string }>>;
}) {
  const form = useForm<AreaIn, unknown, AreaOut>({
    resolver: zodResolver(createAreaSchema),
    defaultValues: { code: "", name: "" },
  });
  const d = useDialogForm(form, create);
  const e = form.formState.errors;
  return (
    <Dialog open={d.open} onOpenChange={d.onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" aria-label={`Add an area to ${siteCode}`}>
          Add area
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Add an area to ${siteCode}`}
        description="Areas group assets and limit maintenance windows to part of a plant."
      >
        <form onSubmit={d.onSubmit} noValidate className="space-y-3">
          {d.error ? <Alert title="Area not created">{d.error}</Alert> : null}
          <Field id={`area-code-${siteCode}`} label="Code" hint="e.g. CDU" error={e.code?.message}>
            <Input autoComplete="off" {...form.register("code")} />
          </Field>
          <Field id={`area-name-${siteCode}`} label="Name" error={e.name?.message}>
            <Input autoComplete="off" {...form.register("name")} />
          </Field>
          <Actions busy={form.formState.isSubmitting} label="Add area" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

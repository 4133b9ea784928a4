"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { FormResult } from "@/lib/schemas/form-result";
import { RunForm, type RunFormValues } from "./run-form";

export function RunDialog({
  label,
  srLabel,
  title,
  areas,
  timeZone,
  initial,
  submit,
  primary,
}: {
  label: string;
  srLabel?: string;
  title: string;
  areas: { code: string; name: string }[];
  timeZone: string;
  initial?: RunFormValues;
  submit: (input: RunFormValues) => Promise<FormResult<{ id: string }>>;
  primary?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant={primary ? "primary" : "secondary"} aria-label={srLabel}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={title}>
        <RunForm
          areas={areas}
          timeZone={timeZone}
          initial={initial}
          submit={submit}
          onDone={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}

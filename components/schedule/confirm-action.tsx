"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { FormResult } from "@/lib/schemas/form-result";

/** A button that asks before it acts, then shows the outcome in plain words. */
export function ConfirmAction({
  label,
  srLabel,
  title,
  description,
  confirmLabel,
  run,
  variant = "secondary",
  redirectTo,
}: {
  label: string;
  /** Longer accessible name where the visible label is terse in a table row. */
  srLabel?: string;
  title: string;
  description: string;
  confirmLabel: string;
  run: () => Promise<FormResult<unknown>>;
  variant?: ButtonProps["variant"];
  redirectTo?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const result = await run();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(false);
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant={variant === "danger" ? "secondary" : variant} aria-label={srLabel}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">Keep it</Button>
          </DialogClose>
          <Button variant={variant === "danger" ? "danger" : "primary"} onClick={confirm} disabled={pending}>
            {pending ? "Working…" : confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

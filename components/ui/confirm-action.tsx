"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, type ButtonProps } from "./button";
import { Alert } from "./card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog";

export type ActionOutcome = { ok: true } | { ok: false; message: string };

/**
 * A button that asks before it acts: a Radix dialog names the consequence, and the action's
 * refusal (if any) is shown in the dialog in plain words. The page refreshes on success.
 */
export function ConfirmAction({
  label,
  title,
  description,
  confirmLabel,
  action,
  variant = "danger",
  size = "sm",
  triggerLabel,
}: {
  label: React.ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  action: () => Promise<ActionOutcome>;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  /** An accessible name for the trigger when its visible label is ambiguous in a table row. */
  triggerLabel?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else setError(result.message);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={variant === "danger" ? "secondary" : variant} size={size} aria-label={triggerLabel}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        {error ? <Alert title="Not done">{error}</Alert> : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button variant={variant} onClick={confirm} disabled={pending}>
            {pending ? "Working…" : confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";
// The shell every change dialog shares (the six lifecycle dialogs and the extension panel's two):
// a trigger, the open state, the action's failure that any way of closing clears, and the
// Back-and-confirm footer whose confirm button waits while the action runs.
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useChangeAction } from "./use-action";

/**
 * Open state and action of one dialog. `initiallyOpen`: a signer back from the identity provider
 * finds the dialog as they left it; `onOpen` runs each time it opens (the start dialog asks the gate).
 */
export function useActionDialog<T = unknown>({
  initiallyOpen = false,
  onOpen,
}: { initiallyOpen?: boolean; onOpen?: () => void } = {}) {
  const [open, setOpenState] = useState(initiallyOpen);
  const action = useChangeAction<T>();
  function setOpen(next: boolean) {
    setOpenState(next);
    action.clear();
    if (next) onOpen?.();
  }
  return { ...action, open, setOpen };
}

export type ActionDialogState = Pick<ReturnType<typeof useActionDialog>, "open" | "setOpen">;

export function ActionDialog({
  dialog,
  trigger,
  title,
  description,
  className,
  children,
}: {
  dialog: ActionDialogState;
  /** The button that opens it. */
  trigger: ReactNode;
  title: string;
  description?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description} className={className}>
        {children}
      </DialogContent>
    </Dialog>
  );
}

/** Back, any extra buttons, then the confirm button: a form's submit unless `onConfirm` is given. */
export function ActionFooter({
  dialog,
  pending,
  label,
  pendingLabel = "Working…",
  variant = "primary",
  onConfirm,
  disabled = false,
  backLabel = "Back",
  className = "flex justify-end gap-2",
  children,
}: {
  dialog: ActionDialogState;
  pending: boolean;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "danger";
  onConfirm?: () => void;
  disabled?: boolean;
  backLabel?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      <Button onClick={() => dialog.setOpen(false)}>{backLabel}</Button>
      {children}
      <Button
        type={onConfirm ? "button" : "submit"}
        variant={variant}
        disabled={pending || disabled}
        onClick={onConfirm}
      >
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}

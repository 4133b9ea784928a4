"use client";
import type { CSSProperties, ReactNode } from "react";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

/** A calendar item that opens its details in a dialog; the trigger is a real button in tab order. */
export function ItemDialog({
  title,
  description,
  trigger,
  triggerLabel,
  triggerTitle,
  triggerClassName,
  triggerStyle,
  children,
}: {
  title: string;
  description?: string;
  trigger: ReactNode;
  triggerLabel: string;
  /** Hover text: the full label, since the visible title is often truncated. */
  triggerTitle?: string;
  triggerClassName?: string;
  triggerStyle?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <button
          type="button"
          className={triggerClassName}
          style={triggerStyle}
          aria-label={triggerLabel}
          title={triggerTitle}
        >
          {trigger}
        </button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        {children}
      </DialogContent>
    </Dialog>
  );
}

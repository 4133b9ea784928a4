"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormResult } from "@/lib/schemas/form-result";

/** A small button running one server action, saying what happened beside it. */
export function RowAction({
  label,
  done,
  action,
  ariaLabel,
}: {
  label: string;
  done: string;
  action: () => Promise<FormResult<unknown>>;
  ariaLabel?: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        aria-label={ariaLabel}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await action();
            setNote(r.ok ? done : r.message);
            router.refresh();
          })
        }
      >
        {label}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {note}
      </span>
    </span>
  );
}

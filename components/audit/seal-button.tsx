"use client";
import { Loader2, Stamp } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type Result = { ok: boolean; message: string };

export function SealButton({ seal }: { seal: () => Promise<Result> }) {
  const [result, setResult] = useState<Result | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="flex items-center gap-2">
      <span
        role="status"
        aria-live="polite"
        className={result?.ok === false ? "text-xs text-red-800" : "text-xs text-slate-700"}
      >
        {result?.message}
      </span>
      <Button size="sm" disabled={pending} onClick={() => start(async () => setResult(await seal()))}>
        {pending ? (
          <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
        ) : (
          <Stamp className="size-3.5" aria-hidden="true" />
        )}
        Seal the head now
      </Button>
    </span>
  );
}

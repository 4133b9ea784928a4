"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import type { FormResult } from "@/lib/schemas/form-result";

/**
 * Runs a server action from a dialog: keeps the failure for display, refreshes the page on
 * success. `done` names the confirmation the page shows afterwards (`?done=submitted`).
 */
export function useChangeAction<T>() {
  const router = useRouter();
  const pathname = usePathname();
  const [failure, setFailure] = useState<Extract<FormResult<T>, { ok: false }> | null>(null);
  const [pending, setPending] = useState(false);

  async function run(call: () => Promise<FormResult<T>>, done?: string): Promise<FormResult<T> | null> {
    setPending(true);
    setFailure(null);
    try {
      const result = await call();
      if (result.ok && done) router.replace(`${pathname}?done=${done}`, { scroll: false });
      else if (result.ok) router.refresh();
      else setFailure(result);
      return result;
    } catch {
      const f = {
        ok: false as const,
        message: "The server could not be reached. Check your connection and try again.",
      };
      setFailure(f);
      return f;
    } finally {
      setPending(false);
    }
  }

  return { run, failure, pending, clear: () => setFailure(null) };
}

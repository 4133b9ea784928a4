import "server-only";
import { ZodError } from "zod";
import type { ActionResult } from "@/components/schedule/action-result";
import { isServiceError } from "@/lib/services/base/errors";

/** Maps anything a service throws to a form-friendly failure; unexpected errors are logged, not shown. */
export function failure(e: unknown): Extract<ActionResult, { ok: false }> {
  if (e instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of e.issues) fieldErrors[issue.path.map(String).join(".") || "form"] ??= issue.message;
    return { ok: false, message: "Some fields need attention.", fieldErrors };
  }
  if (isServiceError(e)) {
    const fieldErrors: Record<string, string> = {};
    for (const err of e.details.errors ?? []) fieldErrors[err.path] ??= err.message;
    return { ok: false, message: e.message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
  }
  console.error("[schedule action] unexpected error", e);
  return {
    ok: false,
    message:
      "Something went wrong on our side; nothing was changed. Try again, and tell an administrator if it persists.",
  };
}

export async function attempt<T>(fn: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), ...(message ? { message } : {}) };
  } catch (e) {
    return failure(e);
  }
}

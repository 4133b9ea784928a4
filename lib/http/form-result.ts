import { ZodError } from "zod";
import { isServiceError } from "@/lib/services/base/errors";

/** What a server action answers a form: never a thrown error, never a raw message. */
export type FormFailure = { ok: false; message: string; fieldErrors?: Record<string, string> };
export type FormResult<T = null> = { ok: true; data: T } | FormFailure;

export function formFailure(e: unknown, context: string): FormFailure {
  if (isServiceError(e)) {
    const fieldErrors: Record<string, string> = {};
    for (const x of e.details.errors ?? []) fieldErrors[x.path] ??= x.message;
    return { ok: false, message: e.message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
  }
  if (e instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const i of e.issues) fieldErrors[i.path.map(String).join(".") || "form"] ??= i.message;
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  console.error(`[${context}] unexpected error in a server action`, e);
  return {
    ok: false,
    message:
      "Something went wrong on the server; nothing was changed. Try again, and tell your administrator if it persists.",
  };
}

import "server-only";
import { ZodError } from "zod";
import type { FormFailure, FormResult, StaleEdit } from "@/lib/schemas/form-result";
import { isServiceError, type FieldError } from "@/lib/services/base/errors";
import { zodErrors } from "./problem";

function fieldMap(list: FieldError[] | undefined): Record<string, string> | undefined {
  if (!list?.length) return undefined;
  const out: Record<string, string> = {};
  for (const e of list) out[e.path] ??= e.message;
  return out;
}

/** The stale-edit details every service attaches to its 409 (lib/services/base/stale-edit.ts). */
function staleOf(d: Record<string, unknown>): StaleEdit | undefined {
  if (typeof d.currentVersion !== "number") return undefined;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    by: text(d.updatedByName) ?? text(d.updatedBy),
    at: text(d.updatedAt),
    version: d.currentVersion,
  };
}

/**
 * Anything a service throws, as a form can show it: the service's message and field errors,
 * refusal reasons, who edited first, every bad row of an import. Unexpected errors are logged
 * under `context` and never shown raw.
 */
export function formFailure(e: unknown, context: string): FormFailure {
  if (isServiceError(e)) {
    const d = e.details;
    const failure: FormFailure = { ok: false, message: e.message };
    const fields = fieldMap(d.errors);
    if (fields) failure.fieldErrors = fields;
    if (d.reasons?.length) failure.reasons = d.reasons.map((r) => ({ code: r.code, message: r.message }));
    const stale = e.code === "conflict" ? staleOf(d) : undefined;
    if (stale) failure.stale = stale;
    if (Array.isArray(d.rowErrors)) failure.rowErrors = d.rowErrors as FormFailure["rowErrors"];
    return failure;
  }
  if (e instanceof ZodError)
    return { ok: false, message: "Some fields need attention.", fieldErrors: fieldMap(zodErrors(e)) };
  console.error(`[${context}] unexpected error in a server action`, e);
  return {
    ok: false,
    message:
      "Something went wrong on the server; nothing was changed. Try again, and tell your administrator if it persists.",
  };
}

/** Runs a server action's work and answers its form; `message` is shown on success. */
export async function attempt<T>(
  context: string,
  work: () => Promise<T>,
  message?: string,
): Promise<FormResult<T>> {
  try {
    return { ok: true, data: await work(), ...(message ? { message } : {}) };
  } catch (e) {
    return formFailure(e, context);
  }
}

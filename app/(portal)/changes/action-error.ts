import "server-only";
import { ZodError } from "zod";
import type { ActionResult } from "@/components/changes/action-result";
import { zodErrors } from "@/lib/http/problem";
import { isServiceError } from "@/lib/services/base/errors";

type Failure = Extract<ActionResult<never>, { ok: false }>;

function fieldMap(list: { path: string; message: string }[] | undefined): Record<string, string> | undefined {
  if (!list?.length) return undefined;
  const out: Record<string, string> = {};
  for (const e of list) out[e.path] ??= e.message;
  return out;
}

/** A thrown error as a form can show it; unexpected errors are logged and never shown raw. */
export function actionFailure(e: unknown): Failure {
  if (isServiceError(e)) {
    const d = e.details;
    const failure: Failure = { ok: false, message: e.message };
    const fields = fieldMap(d.errors);
    if (fields) failure.fieldErrors = fields;
    if (d.reasons?.length) failure.reasons = d.reasons.map((r) => ({ code: r.code, message: r.message }));
    if (e.code === "conflict" && typeof d.currentVersion === "number") {
      failure.stale = {
        by:
          typeof d.updatedByName === "string"
            ? d.updatedByName
            : typeof d.updatedBy === "string"
              ? d.updatedBy
              : null,
        at: typeof d.updatedAt === "string" ? d.updatedAt : null,
        version: d.currentVersion,
      };
    }
    return failure;
  }
  if (e instanceof ZodError) {
    const errors = zodErrors(e);
    return { ok: false, message: "Some fields need attention.", fieldErrors: fieldMap(errors) };
  }
  console.error("[changes] unexpected error in a server action", e);
  return {
    ok: false,
    message:
      "Something went wrong on the server; nothing was changed. Try again, and tell your administrator if it persists.",
  };
}

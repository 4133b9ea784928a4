import { ZodError } from "zod";
import { isServiceError } from "@/lib/services/base/errors";

/** Why a filter cannot be applied, in the schema's or the service's words; anything else is a bug. */
export function filterProblems(e: unknown): string[] {
  if (e instanceof ZodError) return e.issues.map((i) => i.message);
  if (isServiceError(e)) return [e.details.errors?.map((x) => x.message).join(" ") || e.message];
  throw e;
}

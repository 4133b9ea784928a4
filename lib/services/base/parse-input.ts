import type { z } from "zod";
import { invalid } from "@/lib/services/base/errors";

/** Parses with the shared schema; a failure is a 422 naming every bad field, never a raw ZodError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "The input"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({
    path: i.path.map(String).join(".") || "(body)",
    message: i.message,
  }));
  throw invalid(
    `${what} is not valid: ${errors
      .map((e) => `${e.path}: ${e.message}`)
      .slice(0, 3)
      .join("; ")}`,
    errors,
  );
}

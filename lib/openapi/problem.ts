import { z } from "zod";
import { named } from "./registry";

export const problemSchema = named(
  "Problem",
  z
    .object({
      type: z.string().describe("A URI naming the kind of problem."),
      title: z.string(),
      status: z.number().int(),
      detail: z.string().describe("A plain-language explanation for a person."),
      errors: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe("Validation failures by field."),
      reasons: z
        .array(z.object({ code: z.string(), message: z.string() }))
        .optional()
        .describe("Why a rule or the gate refused."),
    })
    .describe("RFC 9457 problem details, sent as application/problem+json."),
);

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (for example a body that is not JSON).",
  401: "No valid bearer token or session.",
  403: "The caller may not do this.",
  404: "Not found, or at a site the caller cannot see.",
  409: "Conflict with the current state.",
  412: "The If-Match version is stale.",
  413: "The body is too large.",
  415: "Unsupported content type.",
  422: "Invalid input; `errors` lists each field.",
  428: "If-Match is required.",
  429: "Too many requests.",
  500: "Unexpected server error; the request was not completed.",
  503: "A dependency (the database) is unreachable.",
};

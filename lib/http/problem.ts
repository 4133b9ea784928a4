import { ZodError } from "zod";
import { isServiceError, type ServiceErrorCode } from "@/lib/services/base/errors";

const STATUS: Record<ServiceErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gate_refused: 409,
  precondition_required: 428,
  payload_too_large: 413,
  invalid: 422,
  rate_limited: 429,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  422: "Invalid input",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  reasons?: { code: string; message: string }[];
  [k: string]: unknown;
}

type ProblemInput = Partial<Pick<Problem, "type" | "title" | "errors" | "reasons">> & {
  status: number;
  detail: string;
  [k: string]: unknown;
};

export function problemResponse(problem: ProblemInput, headers?: HeadersInit): Response {
  const body = {
    type: problem.type ?? "about:blank",
    title: problem.title ?? TITLES[problem.status] ?? "Error",
    ...problem,
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

export function zodErrors(e: ZodError): { path: string; message: string }[] {
  return e.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

/** Maps anything thrown by a service to problem+json; unknown errors never leak their message. */
export function errorToProblem(e: unknown): Response {
  if (isServiceError(e)) {
    const { errors, reasons, ...rest } = e.details;
    return problemResponse({
      status: STATUS[e.code],
      type: `https://interlock.invalid/problems/${e.code}`,
      detail: e.message,
      ...(errors ? { errors } : {}),
      ...(reasons ? { reasons } : {}),
      ...rest,
    });
  }
  if (e instanceof ZodError) {
    const errors = zodErrors(e);
    return problemResponse({
      status: 422,
      type: "https://interlock.invalid/problems/invalid",
      detail: errors
        .map((x) => `${x.path}: ${x.message}`)
        .slice(0, 5)
        .join("; "),
      errors,
    });
  }
  console.error("[api] unexpected error", e);
  return problemResponse({
    status: 500,
    detail: "Something went wrong on the server. The request was not completed.",
  });
}

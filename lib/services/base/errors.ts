export type ServiceErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "precondition_required"
  | "gate_refused"
  | "rate_limited"
  | "payload_too_large"
  | "bad_request";

export interface FieldError {
  path: string;
  message: string;
}

export interface RefusalReason {
  code: string;
  message: string;
}

/** The only error a service throws on purpose; adapters map it to problem+json or a form error. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; reasons?: RefusalReason[]; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const notFound = (what: string) => new ServiceError("not_found", `${what} not found.`);
export const forbidden = (message = "You do not have permission to do this.") =>
  new ServiceError("forbidden", message);
export const conflict = (message: string, details: ServiceError["details"] = {}) =>
  new ServiceError("conflict", message, details);
export const invalid = (message: string, errors: FieldError[] = []) =>
  new ServiceError("invalid", message, { errors });

export function isServiceError(e: unknown): e is ServiceError {
  return e instanceof ServiceError;
}

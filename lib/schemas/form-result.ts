// What every server action answers a form (app/**/actions.ts): never a thrown error, never a raw
// message. Built by lib/http/form-result.ts; a type only, so client components may import it.

/** A stale edit: who changed the object first, when (ISO instant), and its version now. */
export interface StaleEdit {
  by: string | null;
  at: string | null;
  version: number | null;
}

export interface FormFailure {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Gate refusals and similar, in plain language. */
  reasons?: { code: string; message: string }[];
  stale?: StaleEdit;
  /** An import refused: every bad cell. */
  rowErrors?: { line: number; column: string; message: string }[];
}

export type FormResult<T = null> = { ok: true; data: T; message?: string } | FormFailure;

/** What every change server action returns to the browser: never a raw error. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      /** Gate refusals and similar, in plain language. */
      reasons?: { code: string; message: string }[];
      /** A stale edit: who changed the change first, and when (ISO instant). */
      stale?: { by: string | null; at: string | null; version: number | null };
    };

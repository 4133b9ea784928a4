import { Alert } from "@/components/ui/card";
import type { FormResult } from "@/lib/schemas/form-result";

export function FailureAlert({
  failure,
  title,
}: {
  failure: Extract<FormResult<unknown>, { ok: false }> | null;
  title?: string;
}) {
  if (!failure) return null;
  return (
    <Alert title={title ?? failure.message}>
      {title ? <p>{failure.message}</p> : null}
      {failure.reasons?.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {failure.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{r.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

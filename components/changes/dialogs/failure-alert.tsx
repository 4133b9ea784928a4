import { Alert } from "@/components/ui/card";
import { helpRolesFor } from "@/lib/domain/changes/who-can-help";
import type { FormResult } from "@/lib/schemas/form-result";
import type { SiteContact } from "@/lib/types/sites";
import { WhoCanHelp } from "../who-can-help";

export function FailureAlert({
  failure,
  title,
  contacts,
}: {
  failure: Extract<FormResult<unknown>, { ok: false }> | null;
  title?: string;
  /** When given, the refusal's reasons name who can help with them. */
  contacts?: readonly SiteContact[];
}) {
  if (!failure) return null;
  const help = (failure.reasons ?? []).flatMap((r) => helpRolesFor(r));
  // A refusal with one reason says it once (its message is the reason).
  const reasons = failure.reasons?.filter((r) => r.message !== failure.message) ?? [];
  return (
    <Alert title={title ?? failure.message}>
      {title ? <p>{failure.message}</p> : null}
      {reasons.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {reasons.map((r, i) => (
            <li key={`${r.code}-${i}`} title={`Reason code: ${r.code}`}>
              {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      {contacts && help.length ? (
        <WhoCanHelp help={help} contacts={contacts} className="mt-1 text-xs" />
      ) : null}
    </Alert>
  );
}

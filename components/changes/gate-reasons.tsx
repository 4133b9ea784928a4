import { XCircle } from "lucide-react";
import { helpRolesFor } from "@/lib/domain/changes/who-can-help";
import { reasonText } from "@/lib/domain/changes/reason-text";
import type { GateResult } from "@/lib/types/changes";
import type { SiteContact } from "@/lib/types/sites";
import { WhoCanHelp } from "./who-can-help";
import { GATE_REASON_LABELS } from "@/lib/domain/labels";

type Reason = GateResult["reasons"][number];

/** Each reason in words under its label; the stable code only in the tooltip (and the API). */
export function GateReasonList({
  reasons,
  zone,
  contacts,
}: {
  reasons: Reason[];
  zone: string;
  /** When given, each reason names who can help with it. */
  contacts?: readonly SiteContact[];
}) {
  return (
    <ul className="space-y-1.5" data-testid="gate-reasons">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} className="flex gap-2 text-sm" data-code={r.code}>
          <XCircle className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden="true" />
          <div className="min-w-0">
            <p className="text-slate-900">
              <span className="font-medium" title={`Reason code: ${r.code}`}>
                {(GATE_REASON_LABELS as Record<string, string>)[r.code] ?? "Refused"}:
              </span>{" "}
              {reasonText(r, zone)}
            </p>
            {contacts ? <WhoCanHelp help={helpRolesFor(r)} contacts={contacts} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { CheckCircle2, CircleDashed, XCircle } from "lucide-react";
import Link from "next/link";
import { helpRolesFor } from "@/lib/domain/changes/who-can-help";
import type { ChangeView } from "@/lib/types/changes";
import type { SiteContact } from "@/lib/types/sites";
import { contactsFor } from "./who-can-help";
import { statusOf } from "./signoffs-panel";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

function awaitedFrom(r: ChangeView["requiredSignoffs"][number], contacts: readonly SiteContact[]): string {
  const who = contactsFor(
    helpRolesFor({ code: "signoff_missing", data: { role: r.role, siteCode: r.siteCode } }),
    contacts,
  );
  const names = who.map((c) => c.name);
  const from = names.length
    ? ` from ${names.length > 2 ? `${names.slice(0, 2).join(", ")} or others` : names.join(" or ")}`
    : "";
  return `awaited${from}${r.retrospective ? " (may follow the start)" : ""}`;
}

/** The required sign-offs at a glance, on the page itself: who has signed, who is awaited. */
export function SignoffProgress({
  change,
  contacts,
}: {
  change: ChangeView;
  /** The people who can give a missing sign-off are named. */
  contacts: readonly SiteContact[];
}) {
  const reqs = change.requiredSignoffs;
  if (reqs.length === 0) return null;
  const satisfied = reqs.filter((r) => r.satisfied).length;
  return (
    <section
      aria-labelledby="signoff-progress-heading"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs"
      data-testid="signoff-progress"
    >
      <h2 id="signoff-progress-heading" className="font-semibold text-slate-900">
        Sign-offs {satisfied} of {reqs.length}
      </h2>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {reqs.map((r) => {
          const st = statusOf(change, r);
          const label = `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`;
          return (
            <li key={`${r.role}:${r.siteCode ?? ""}`} className="flex items-center gap-1 text-slate-800">
              {st.kind === "satisfied" ? (
                <CheckCircle2 className="size-3.5 text-green-700" aria-hidden="true" />
              ) : st.kind === "rejected" ? (
                <XCircle className="size-3.5 text-red-700" aria-hidden="true" />
              ) : (
                <CircleDashed className="size-3.5 text-slate-500" aria-hidden="true" />
              )}
              <span className="font-medium">{label}</span>
              <span className="text-slate-600">
                {st.kind === "missing"
                  ? awaitedFrom(r, contacts)
                  : `${st.kind === "satisfied" ? "signed" : "rejected"} by ${st.by.signerName}`}
              </span>
            </li>
          );
        })}
      </ul>
      <Link href="?tab=signoffs" className="text-xs print:hidden">
        Details
      </Link>
    </section>
  );
}

import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import type { ChangeView } from "@/lib/types/changes";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { joinList } from "@/lib/domain/changes/wording";

export const NOTICES = ["submitted", "signed", "rejected"] as const;
export type NoticeKind = (typeof NOTICES)[number];

function awaitedList(change: ChangeView): string {
  return joinList(
    change.requiredSignoffs
      .filter((r) => !r.satisfied)
      .map((r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`),
    "and",
  );
}

function message(kind: NoticeKind, change: ChangeView): string {
  const awaited = awaitedList(change);
  const approved = change.state !== "submitted" && change.state !== "draft" && change.state !== "rejected";
  switch (kind) {
    case "submitted":
      return approved
        ? "Submitted, and every sign-off needed before the start is already in: the change is approved."
        : `Submitted for approval. The approvers are asked to sign: ${awaited || "none"}.`;
    case "signed":
      if (change.state === "approved")
        return "Your sign-off is recorded. Every required sign-off is in: the change is approved.";
      return awaited ? `Your sign-off is recorded. Still awaited: ${awaited}.` : "Your sign-off is recorded.";
    case "rejected":
      return "Your rejection is recorded. The change is rejected; the requester can revise it and submit it again.";
  }
}

/** The confirmation after a submit or a sign-off, read from the change as it is now. */
export function ActionNotice({ kind, change }: { kind: NoticeKind; change: ChangeView }) {
  return (
    <div
      role="status"
      className="mb-3 flex items-start justify-between gap-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-950"
      data-testid="action-notice"
    >
      <p className="flex items-start gap-2">
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden="true" />
        {message(kind, change)}
      </p>
      <Link href={`/changes/${change.id}`} className="shrink-0 text-xs" scroll={false}>
        Dismiss
      </Link>
    </div>
  );
}

import { Hourglass } from "lucide-react";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";
import { EXPIRY_STATUS_LABELS, type ExpiryStatus } from "@/lib/domain/changes/temporary";
import type { ChangeView, TemporaryOnAsset } from "@/lib/types/changes";
import { SiteTime } from "./site-time";

const TONES: Record<ExpiryStatus, BadgeTone> = { in_place: "purple", expiring: "amber", expired: "red" };

/** "Temporary, in place" / "Expiry approaching" / "Expired: revert overdue" on a change or an asset. */
export function TemporaryBadge({ status }: { status: ExpiryStatus }) {
  return (
    <Badge tone={TONES[status]}>
      <Hourglass className="mr-1 size-3" aria-hidden="true" />
      {EXPIRY_STATUS_LABELS[status]}
    </Badge>
  );
}

/** On a temporary change: its expiry and its revert; on a revert: what it undoes and by when. */
export function TemporaryNotice({ change, zone }: { change: ChangeView; zone: string }) {
  const t = change.temporary;
  if (change.temporaryUntil) {
    return (
      <p className="text-sm text-slate-800" data-testid="temporary-notice">
        Temporary change: must be reverted by{" "}
        <SiteTime at={t.expiresAt ?? change.temporaryUntil} zone={zone} />
        {t.expiresAt && t.expiresAt !== change.temporaryUntil ? " (extended)" : ""}.{" "}
        {t.revert ? (
          <>
            Revert:{" "}
            <Link href={`/changes/${t.revert.id}`} className="font-mono text-xs">
              {t.revert.number}
            </Link>{" "}
            ({CHANGE_STATE_LABELS[t.revert.state]}).
          </>
        ) : (
          "Interlock drafts its revert when it is completed."
        )}{" "}
        {t.inPlace ? "Its assets are in the temporary state until the revert closes." : null}
      </p>
    );
  }
  if (!t.reverts) return null;
  return (
    <p className="text-sm text-slate-800" data-testid="revert-notice">
      Reverts the temporary change{" "}
      <Link href={`/changes/${t.reverts.id}`} className="font-mono text-xs">
        {t.reverts.number}
      </Link>
      {t.reverts.dueBy ? (
        <>
          ; due by <SiteTime at={t.reverts.dueBy} zone={zone} />
        </>
      ) : null}
      .
    </p>
  );
}

/** One temporary change in place: its expiry, its revert and its badge (asset page, dashboard). */
export function TemporaryRow({ item, zone }: { item: TemporaryOnAsset; zone: string }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
      <span>
        <Link href={`/changes/${item.id}`} className="font-mono text-xs">
          {item.number}
        </Link>{" "}
        {item.title}
        <span className="block text-xs text-slate-700">
          {item.status === "expired" ? "Expired" : "Revert by"}{" "}
          <SiteTime at={item.temporaryUntil} zone={zone} />
          {" — "}
          {item.revert ? (
            <>
              revert{" "}
              <Link href={`/changes/${item.revert.id}`} className="font-mono">
                {item.revert.number}
              </Link>{" "}
              {CHANGE_STATE_LABELS[item.revert.state].toLowerCase()}
            </>
          ) : (
            "no revert drafted"
          )}
        </span>
      </span>
      <TemporaryBadge status={item.status} />
    </li>
  );
}

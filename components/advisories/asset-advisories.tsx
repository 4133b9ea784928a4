import Link from "next/link";
import { formatInZone } from "@/lib/domain/site-time";
import type { AssetAdvisory } from "@/lib/types/advisories";
import { KevBadge, MatchBadge, ReviewBadge } from "./badges";

/** On the asset page: the advisories that concern it, overdue CIP-007 R2 clocks first. */
export function AssetAdvisories({ items }: { items: AssetAdvisory[] }) {
  if (!items.length)
    return <p className="p-4 text-sm text-slate-600">No imported advisory affects this asset.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {items.map((a) => (
        <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-2">
          <div className="min-w-0">
            <Link href={`/advisories/${a.id}`} className="font-medium">
              {a.trackingId}
            </Link>{" "}
            <span className="text-slate-700">{a.title}</span>
            <div className="text-xs text-slate-600">{a.reason}</div>
          </div>
          <div className="flex flex-wrap items-center gap-1 text-xs">
            <MatchBadge status={a.status} />
            {a.knownExploited ? <KevBadge /> : null}
            {a.clock ? <ReviewBadge status={a.clock.status} overdue={a.clock.overdue} /> : null}
            {a.clock?.due ? (
              <span className="text-slate-700">due {formatInZone(a.clock.due.at, a.timeZone)}</span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatInZone } from "@/lib/domain/site-time";
import type { OverdueAdvisory } from "@/lib/types/advisories";
import { REVIEW_LABELS } from "./badges";

/** Dashboard: advisories past a CIP-007 R2 due date at the viewer's sites. */
export function OverdueAdvisoriesCard({ items }: { items: OverdueAdvisory[] }) {
  return (
    <Card className="mb-4">
      <CardHeader
        title="Advisories past a CIP-007 R2 due date"
        description="An applicability decision is due 35 days after import; then a fix or a dated mitigation plan within 35 days."
        actions={<Link href="/advisories?due=overdue">All overdue</Link>}
      />
      {items.length === 0 ? (
        <p className="p-4 text-sm text-slate-600">None overdue.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {items.slice(0, 8).map((a) => (
            <li key={a.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
              <span>
                <Link href={`/advisories/${a.id}`} className="font-medium">
                  {a.trackingId}
                </Link>{" "}
                <span className="text-slate-700">{a.title}</span>
              </span>
              <span className="text-xs font-medium text-red-800">
                {REVIEW_LABELS[a.status]}, was due {formatInZone(a.dueAt, a.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { Card, CardHeader } from "@/components/ui/card";
import { EXPIRY_WARNING_DAYS } from "@/lib/domain/changes/temporary";
import type { ChangeDashboard } from "@/lib/types/changes";
import { TemporaryRow } from "./temporary-notice";

/** Temporary changes in place whose expiry is near or past: the revert is owed. */
export function TemporaryExpiryCard({ items }: { items: ChangeDashboard["temporaryExpiring"] }) {
  return (
    <Card className="lg:col-span-3">
      <CardHeader
        title="Temporary changes expiring"
        description={`In place on their assets, expiring within ${EXPIRY_WARNING_DAYS} days or already expired, until their revert closes.`}
      />
      <ul
        className="divide-y divide-slate-100"
        aria-label="Temporary changes expiring"
        data-testid="temporary-expiring"
      >
        {items.map((t) => (
          <TemporaryRow key={t.id} item={t} zone={t.timeZone} />
        ))}
      </ul>
    </Card>
  );
}

import { Card, CardHeader } from "@/components/ui/card";
import { TemporaryRow } from "@/components/changes/temporary-notice";
import type { TemporaryOnAsset } from "@/lib/types/changes";

/** The asset is in a temporary state (a rule opened, a bypass in place) until each revert closes. */
export function AssetTemporaryState({ items, zone }: { items: readonly TemporaryOnAsset[]; zone: string }) {
  if (items.length === 0) return null;
  return (
    <Card className="border-purple-300">
      <CardHeader
        title="Temporary state"
        description="Temporary changes in place on this asset until their revert closes."
      />
      <ul className="divide-y divide-slate-100" data-testid="asset-temporary">
        {items.map((t) => (
          <TemporaryRow key={t.id} item={t} zone={zone} />
        ))}
      </ul>
    </Card>
  );
}

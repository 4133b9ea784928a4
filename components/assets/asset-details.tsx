import { SiteTime } from "@/components/changes/site-time";
import type { AssetView } from "@/lib/types/assets";
import { CriticalityBadge, ExposureBadge, purdueLabel } from "./badges";
import { ASSET_KIND_LABELS } from "@/lib/domain/labels";

function Item({ label, children, mono }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className={mono ? "font-mono text-xs break-all text-slate-900" : "text-sm text-slate-900"}>
        {children}
      </dd>
    </div>
  );
}

const yesNo = (b: boolean) => (b ? "Yes" : "No");

export function AssetDetails({ asset: a }: { asset: AssetView }) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 p-4 md:grid-cols-3 xl:grid-cols-4">
      <Item label="Site">
        {a.siteName} ({a.siteCode})
      </Item>
      <Item label="Area">{a.areaCode ? `${a.areaName ?? a.areaCode} (${a.areaCode})` : "—"}</Item>
      <Item label="Kind">{ASSET_KIND_LABELS[a.kind]}</Item>
      <Item label="Criticality">
        <CriticalityBadge criticality={a.criticality} />
      </Item>
      <Item label="Vendor">{a.vendor || "—"}</Item>
      <Item label="Product">{a.product || "—"}</Item>
      <Item label="Model / order number" mono>
        {a.modelNumber || "—"}
      </Item>
      <Item label="Firmware / software version" mono>
        {a.version || "—"}
      </Item>
      <Item label="Purdue level">{purdueLabel(a.purdueLevel)}</Item>
      <Item label="Security zone">{a.zone || "—"}</Item>
      <Item label="Exposure">
        <ExposureBadge exposure={a.exposure} />
      </Item>
      <Item label="Safety-related">{yesNo(a.safetyRelated)}</Item>
      <Item label="GxP-regulated">{yesNo(a.gxp)}</Item>
      <Item label="Redundancy group">{a.redundancyGroup ?? "—"}</Item>
      <Item label="Record version">{a.rowVersion}</Item>
      <Item label="Created (site time)">
        <SiteTime at={a.createdAt} zone={a.siteTimeZone} />
      </Item>
      <Item label="Last updated (site time)">
        <SiteTime at={a.updatedAt} zone={a.siteTimeZone} />
      </Item>
    </dl>
  );
}

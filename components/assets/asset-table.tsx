import Link from "next/link";
import { SortTh, Table, Td, Th } from "@/components/ui/table";
import { formatInZone } from "@/lib/domain/site-time";
import type { AssetView } from "@/lib/types/assets";
import { AssetFlags, CriticalityBadge, ExposureBadge, purdueLabel } from "./badges";
import { ASSET_KIND_LABELS } from "@/lib/domain/labels";

export function AssetTable({
  items,
  sort,
  dir,
  href,
}: {
  items: AssetView[];
  sort: string;
  dir: "asc" | "desc";
  href: (sort: string, dir: "asc" | "desc") => string;
}) {
  return (
    <Table caption="Assets">
      <thead>
        <tr>
          <SortTh label="Tag" column="tag" sort={sort} dir={dir} href={href} />
          <SortTh label="Name" column="name" sort={sort} dir={dir} href={href} />
          <SortTh label="Kind" column="kind" sort={sort} dir={dir} href={href} />
          <SortTh label="Site · area" column="site" sort={sort} dir={dir} href={href} />
          <Th>Vendor · product</Th>
          <Th>Model</Th>
          <Th>Version</Th>
          <Th>Purdue</Th>
          <SortTh label="Criticality" column="criticality" sort={sort} dir={dir} href={href} />
          <SortTh label="Updated" column="updatedAt" sort={sort} dir={dir} href={href} />
        </tr>
      </thead>
      <tbody>
        {items.length === 0 ? (
          <tr>
            <Td colSpan={10} className="py-6 text-center text-slate-600">
              No assets match these filters.
            </Td>
          </tr>
        ) : (
          items.map((a) => (
            <tr key={a.id} className="hover:bg-slate-50">
              <Td className="font-mono text-xs whitespace-nowrap">
                <Link href={`/assets/${a.id}`}>{a.tag}</Link>
              </Td>
              <Td className="max-w-xs">{a.name}</Td>
              <Td>{ASSET_KIND_LABELS[a.kind]}</Td>
              <Td className="whitespace-nowrap">
                {a.siteCode}
                {a.areaCode ? <span className="text-slate-600"> · {a.areaCode}</span> : null}
              </Td>
              <Td className="min-w-40">
                <span className="block">{a.vendor || "—"}</span>
                {a.product ? <span className="block text-xs text-slate-600">{a.product}</span> : null}
              </Td>
              <Td className="font-mono text-xs">{a.modelNumber || "—"}</Td>
              <Td className="font-mono text-xs">{a.version || "—"}</Td>
              <Td className="whitespace-nowrap tabular-nums">{purdueLabel(a.purdueLevel)}</Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  <CriticalityBadge criticality={a.criticality} />
                  <AssetFlags safetyRelated={a.safetyRelated} gxp={a.gxp} />
                  {/* Only reach beyond the plant network is worth a badge in a dense list. */}
                  {a.exposure === "remote_access" || a.exposure === "internet_facing" ? (
                    <ExposureBadge exposure={a.exposure} />
                  ) : null}
                </span>
              </Td>
              <Td className="text-xs whitespace-nowrap text-slate-700">
                {/* The date in the site's zone; the full site time on hover. */}
                <time dateTime={a.updatedAt.toISOString()} title={formatInZone(a.updatedAt, a.siteTimeZone)}>
                  {formatInZone(a.updatedAt, a.siteTimeZone).split(",")[0]}
                </time>
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

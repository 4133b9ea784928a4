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
          <Th className="hidden lg:table-cell">Model</Th>
          <Th className="hidden lg:table-cell">Version</Th>
          <Th className="hidden lg:table-cell">Purdue</Th>
          <SortTh label="Criticality" column="criticality" sort={sort} dir={dir} href={href} />
          <SortTh
            label="Updated"
            column="updatedAt"
            sort={sort}
            dir={dir}
            href={href}
            className="hidden lg:table-cell"
          />
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
                {/* Below 1024 px model, version and Purdue level fold into the cells beside them, so
                    criticality stays on screen at 820 px; the updated date is left to the asset page. */}
                {a.purdueLevel !== null ? (
                  <span className="block text-xs text-slate-600 lg:hidden">
                    Purdue {purdueLabel(a.purdueLevel)}
                  </span>
                ) : null}
              </Td>
              <Td className="min-w-40">
                <span className="block">{a.vendor || "—"}</span>
                {a.product ? <span className="block text-xs text-slate-600">{a.product}</span> : null}
                <span className="block font-mono text-xs text-slate-600 lg:hidden">
                  {[a.modelNumber, a.version].filter(Boolean).join(" · ")}
                </span>
              </Td>
              <Td className="hidden font-mono text-xs lg:table-cell">{a.modelNumber || "—"}</Td>
              <Td className="hidden font-mono text-xs lg:table-cell">{a.version || "—"}</Td>
              <Td className="hidden whitespace-nowrap tabular-nums lg:table-cell">
                {purdueLabel(a.purdueLevel)}
              </Td>
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
              <Td className="hidden text-xs whitespace-nowrap text-slate-700 lg:table-cell">
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

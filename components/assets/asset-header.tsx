import { Pencil } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ObjectHeader } from "@/components/ui/object-header";
import { ASSET_KIND_LABELS } from "@/lib/domain/labels";
import type { AssetView } from "@/lib/types/assets";
import { AssetFlags, CriticalityBadge } from "./badges";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The asset's tag and name, its badges and what a change board looks for first. */
export function AssetHeader({
  asset: a,
  openChanges,
  advisories,
  canEdit,
}: {
  asset: AssetView;
  openChanges: number;
  /** The advisories that affect it or await a decision, and how many of them are known exploited. */
  advisories: { total: number; knownExploited: number };
  canEdit: boolean;
}) {
  const software = [a.vendor, a.product, a.version && `version ${a.version}`].filter(Boolean).join(" ");
  return (
    <ObjectHeader
      title={`${a.tag} — ${a.name}`}
      badges={
        <>
          <CriticalityBadge criticality={a.criticality} />
          <AssetFlags safetyRelated={a.safetyRelated} gxp={a.gxp} />
        </>
      }
      actions={
        canEdit ? (
          <Button asChild variant="primary">
            <Link href={`/assets/${a.id}/edit`}>
              <Pencil className="size-4" aria-hidden="true" />
              Edit
            </Link>
          </Button>
        ) : null
      }
      facts={[
        { label: "Site", value: a.siteName },
        { label: "Area", value: a.areaCode ? (a.areaName ?? a.areaCode) : "Whole site (no area)" },
        { label: "Kind", value: ASSET_KIND_LABELS[a.kind] },
        { label: "Vendor and version", value: software || "Not recorded" },
        {
          label: "Open changes",
          value: <Link href="#changes">{plural(openChanges, "open change", "open changes")}</Link>,
        },
        {
          label: "Advisories",
          value: (
            <Link href="#advisories">
              {plural(advisories.total, "matched advisory", "matched advisories")}
              {advisories.knownExploited ? `, ${advisories.knownExploited} known exploited` : ""}
            </Link>
          ),
        },
      ]}
    />
  );
}

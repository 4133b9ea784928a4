import Link from "next/link";
import { Fragment } from "react";
import { AssetFlags, CriticalityBadge, ExposureBadge } from "@/components/assets/badges";
import { StateBadge } from "@/components/changes/badges";
import { Td, Th, Table } from "@/components/ui/table";
import { formatInZone } from "@/lib/domain/site-time";
import type { FormResult } from "@/lib/schemas/form-result";
import type { LinkedChange, RankedMatch } from "@/lib/types/advisories";
import { MatchBadge, PriorityBadge } from "./badges";
import { DecideMatchForm } from "./forms";

/** The affected and undecided assets of one site, highest priority first, with the change covering each. */
export function AssetMatchTable({
  caption,
  matches,
  changes,
  timeZone,
  canDecide,
  decide,
}: {
  caption: string;
  matches: RankedMatch[];
  changes: LinkedChange[];
  timeZone: string;
  canDecide: boolean;
  decide: (values: unknown) => Promise<FormResult>;
}) {
  if (!matches.length)
    return <p className="px-4 pb-4 text-sm text-slate-600">No affected or undecided assets here.</p>;
  return (
    <Table caption={caption} className="rounded-none border-0 border-t">
      <thead>
        <tr>
          <Th>Asset</Th>
          <Th>Product and version</Th>
          <Th className="hidden lg:table-cell">Criticality</Th>
          <Th className="hidden lg:table-cell">Exposure</Th>
          <Th>Priority</Th>
          <Th>Match</Th>
          <Th>Covered by</Th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => {
          const covering = changes.filter((c) => c.assetIds.includes(m.assetId));
          return (
            <Fragment key={m.assetId}>
              <tr>
                {/* Below 1024 px criticality and exposure fold under the priority they weigh into,
                    and long names and change numbers wrap, so nothing scrolls sideways at 820 px. */}
                <Td className="lg:whitespace-nowrap">
                  <Link href={`/assets/${m.assetId}`} className="font-medium whitespace-nowrap">
                    {m.asset.tag}
                  </Link>
                  <div className="text-xs text-slate-600">{m.asset.name}</div>
                </Td>
                <Td className="text-xs">
                  {m.asset.product || "—"}
                  {m.asset.modelNumber ? <div className="text-slate-600">{m.asset.modelNumber}</div> : null}
                  <div className="text-slate-600">Version {m.asset.version || "not recorded"}</div>
                </Td>
                <Td className="hidden lg:table-cell">
                  <div className="flex flex-col items-start gap-1">
                    <CriticalityBadge criticality={m.asset.criticality} />
                    <AssetFlags safetyRelated={m.asset.safetyRelated} gxp={false} />
                  </div>
                </Td>
                <Td className="hidden lg:table-cell">
                  <ExposureBadge exposure={m.asset.exposure} />
                </Td>
                <Td>
                  <PriorityBadge priority={m.priority} />
                  <div className="mt-1 flex flex-col items-start gap-1 lg:hidden">
                    <CriticalityBadge criticality={m.asset.criticality} />
                    <ExposureBadge exposure={m.asset.exposure} />
                    <AssetFlags safetyRelated={m.asset.safetyRelated} gxp={false} />
                  </div>
                </Td>
                <Td className="max-w-md text-xs">
                  <MatchBadge status={m.status} />
                  <div className="mt-1 text-slate-700">{m.reason}</div>
                  {m.decision ? (
                    <div className="text-slate-600">
                      Recorded {formatInZone(m.decision.decidedAt, timeZone)}; the rules said undecided.
                    </div>
                  ) : null}
                </Td>
                <Td className="text-xs lg:whitespace-nowrap">
                  {covering.length
                    ? covering.map((c) => (
                        <div key={c.changeId} className="flex flex-wrap items-center gap-1 lg:flex-nowrap">
                          <Link href={`/changes/${c.changeId}`} className="whitespace-nowrap">
                            {c.number}
                          </Link>
                          <StateBadge state={c.state} />
                        </div>
                      ))
                    : "—"}
                </Td>
              </tr>
              {m.status === "unknown" && canDecide ? (
                <tr>
                  <Td colSpan={7} className="bg-amber-50/40">
                    <DecideMatchForm assetId={m.assetId} tag={m.asset.tag} action={decide} />
                  </Td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}

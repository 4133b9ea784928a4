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
          <Th>Criticality</Th>
          <Th>Exposure</Th>
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
                <Td className="whitespace-nowrap">
                  <Link href={`/assets/${m.assetId}`} className="font-medium">
                    {m.asset.tag}
                  </Link>
                  <div className="text-xs text-slate-600">{m.asset.name}</div>
                </Td>
                <Td className="text-xs">
                  {m.asset.product || "—"}
                  {m.asset.modelNumber ? <div className="text-slate-600">{m.asset.modelNumber}</div> : null}
                  <div className="text-slate-600">Version {m.asset.version || "not recorded"}</div>
                </Td>
                <Td>
                  <div className="flex flex-col items-start gap-1">
                    <CriticalityBadge criticality={m.asset.criticality} />
                    <AssetFlags safetyRelated={m.asset.safetyRelated} gxp={false} />
                  </div>
                </Td>
                <Td>
                  <ExposureBadge exposure={m.asset.exposure} />
                </Td>
                <Td>
                  <PriorityBadge priority={m.priority} />
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
                <Td className="text-xs whitespace-nowrap">
                  {covering.length
                    ? covering.map((c) => (
                        <div key={c.changeId} className="flex items-center gap-1">
                          <Link href={`/changes/${c.changeId}`}>{c.number}</Link>
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

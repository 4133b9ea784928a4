import Link from "next/link";
import { StateBadge } from "@/components/changes/badges";
import { SiteTime } from "@/components/changes/site-time";
import { Table, Td, Th } from "@/components/ui/table";
import type { ChangeListItem } from "@/lib/types/changes";

/** The changes that touch an asset, newest first, each linking to its page. */
export function AssetChanges({
  items,
  zone,
  more,
  canCreate,
}: {
  items: ChangeListItem[];
  zone: string;
  more: boolean;
  canCreate: boolean;
}) {
  if (items.length === 0)
    return (
      <p className="p-4 text-sm text-slate-700">
        No change has touched this asset yet.{" "}
        {canCreate ? (
          <Link href="/changes/new" className="text-sky-800 underline">
            Request a change
          </Link>
        ) : null}
      </p>
    );
  return (
    <>
      <Table caption="Changes that affect this asset">
        <thead>
          <tr>
            <Th>Number</Th>
            <Th>Title</Th>
            <Th>State</Th>
            <Th>Planned start</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <Td className="font-mono text-xs whitespace-nowrap">
                <Link href={`/changes/${c.id}`}>{c.number}</Link>
              </Td>
              <Td>{c.title}</Td>
              <Td>
                <StateBadge state={c.state} />
              </Td>
              <Td className="whitespace-nowrap">
                <SiteTime at={c.plannedStart} zone={zone} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {more ? <p className="px-4 py-2 text-xs text-slate-600">The 20 newest are shown.</p> : null}
    </>
  );
}

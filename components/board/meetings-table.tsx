import Link from "next/link";
import { SiteTime } from "@/components/changes/site-time";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { BoardMeetingSummary } from "@/lib/types/board";

/** Board meetings as the board page lists them: open ones and closed minutes. */
export function MeetingsTable({
  caption,
  items,
  empty,
}: {
  caption: string;
  items: BoardMeetingSummary[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`${caption}-h`.replace(/\W+/g, "-")} className="space-y-2">
      <h2 id={`${caption}-h`.replace(/\W+/g, "-")} className="text-sm font-semibold text-slate-900">
        {caption} ({items.length})
      </h2>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>Meeting</Th>
            <Th>Site</Th>
            <Th>Starts</Th>
            <Th>Chair</Th>
            <Th>Decisions</Th>
            <Th>Minutes</Th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <EmptyRow colSpan={6}>{empty}</EmptyRow>
          ) : (
            items.map((m) => (
              <tr key={m.id} data-testid="meeting-row">
                <Td>
                  <Link href={`/board/${m.id}`} className="font-medium">
                    {m.title}
                  </Link>
                </Td>
                <Td>{m.siteCode}</Td>
                <Td>
                  <SiteTime at={m.startsAt} zone={m.timeZone} />
                </Td>
                <Td>{m.chairName}</Td>
                <Td>{m.decisionCount}</Td>
                <Td>{m.closedAt ? <Badge tone="green">Closed</Badge> : <Badge tone="blue">Open</Badge>}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </section>
  );
}

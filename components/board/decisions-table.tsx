import Link from "next/link";
import { SiteTime } from "@/components/changes/site-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { BoardDecisionKind, BoardDecisionView } from "@/lib/types/board";

export const DECISION_LABELS: Record<BoardDecisionKind, string> = {
  approve: "Approved",
  reject: "Rejected",
  defer: "Deferred",
};
const TONES: Record<BoardDecisionKind, BadgeTone> = { approve: "green", reject: "red", defer: "amber" };

/** The meeting's decisions: on the meeting page and in the printable minutes. */
export function DecisionsTable({ items, zone }: { items: BoardDecisionView[]; zone: string }) {
  return (
    <Table caption="Decisions">
      <thead>
        <tr>
          <Th>Change</Th>
          <Th>Decision</Th>
          <Th>Reason</Th>
          <Th>Board sign-off</Th>
          <Th>Recorded</Th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 ? (
          <EmptyRow colSpan={5}>No decisions yet.</EmptyRow>
        ) : (
          items.map((d) => (
            <tr key={d.id} data-testid="decision-row">
              <Td>
                <Link href={`/changes/${d.changeId}?tab=signoffs`} className="font-mono text-xs">
                  {d.number}
                </Link>
                <span className="block">{d.title}</span>
              </Td>
              <Td>
                <Badge tone={TONES[d.decision]}>{DECISION_LABELS[d.decision]}</Badge>
              </Td>
              <Td>{d.reason || "—"}</Td>
              <Td>
                {d.meaning ? (
                  <>
                    {d.meaning}
                    <code className="block font-mono text-xs break-all text-slate-600">{d.contentHash}</code>
                  </>
                ) : (
                  "None (deferred)"
                )}
              </Td>
              <Td>
                <SiteTime at={d.decidedAt} zone={zone} />
                <span className="block text-xs text-slate-600">{d.decidedByName}</span>
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

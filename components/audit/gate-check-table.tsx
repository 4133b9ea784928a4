import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Th } from "@/components/ui/table";
import { reasonText } from "@/lib/domain/changes/reason-text";
import { SiteTime } from "@/components/changes/site-time";
import type { GateCheckView } from "@/lib/types/audit";

function caller(g: GateCheckView): string {
  if (g.via === "token") return g.tokenName ? `API token “${g.tokenName}”` : "API token";
  if (g.via === "cli") return "Command line";
  return "Portal";
}

/**
 * The gate-check log as a table: who asked, how, about which instant, the answer with its
 * reasons, and how many identical answers the entry counts. Times in `zone`, UTC on hover.
 */
export function GateCheckTable({
  items,
  zone,
  caption,
  showChange = true,
}: {
  items: GateCheckView[];
  zone: string;
  caption: string;
  showChange?: boolean;
}) {
  if (items.length === 0)
    return (
      <p className="text-sm text-slate-600">No gate checks match. Dry runs appear here as they are asked.</p>
    );
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Asked</Th>
          {showChange ? <Th>Change</Th> : null}
          <Th>Who</Th>
          <Th className="hidden lg:table-cell">About</Th>
          <Th>Answer</Th>
          <Th>Reasons</Th>
          <Th className="text-right">Times</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((g) => (
          <tr key={g.id} className="align-top" data-testid="gate-check">
            <td className="px-3 py-2 whitespace-nowrap">
              <SiteTime at={g.firstAt} zone={zone} />
              {g.count > 1 ? (
                <span className="block text-xs text-slate-600">
                  until <SiteTime at={g.lastAt} zone={zone} />
                </span>
              ) : null}
              {/* Below 1024 px the About column folds in here, so the reasons keep room to read. */}
              {g.askedFor ? (
                <span className="block text-xs text-slate-600 lg:hidden">
                  about <SiteTime at={g.askedFor} zone={zone} />
                </span>
              ) : null}
            </td>
            {showChange ? (
              <td className="px-3 py-2 whitespace-nowrap">
                <Link className="text-blue-800 underline" href={`/changes/${g.changeId}`}>
                  {g.changeNumber}
                </Link>
              </td>
            ) : null}
            <td className="px-3 py-2">
              <span className="block text-slate-900">{g.actorName ?? g.actorEmail}</span>
              <span className="block text-xs text-slate-600">
                {caller(g)}
                {g.ip ? ` · ${g.ip}` : ""}
              </span>
            </td>
            <td className="hidden px-3 py-2 whitespace-nowrap lg:table-cell">
              {g.askedFor ? <SiteTime at={g.askedFor} zone={zone} /> : "The moment of asking"}
            </td>
            <td className="px-3 py-2">
              {g.allowed ? <Badge tone="green">Would open</Badge> : <Badge tone="red">Would refuse</Badge>}
            </td>
            <td className="min-w-44 px-3 py-2 text-slate-800">
              {g.reasons.length ? (
                <ul className="space-y-0.5">
                  {g.reasons.map((r) => (
                    <li key={r.code} title={r.code}>
                      {reasonText(r, zone)}
                    </li>
                  ))}
                </ul>
              ) : (
                "—"
              )}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{g.count}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

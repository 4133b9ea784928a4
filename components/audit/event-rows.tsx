"use client";
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Collapsible } from "radix-ui";
import { Badge } from "@/components/ui/badge";
import { fieldDiff } from "@/lib/audit/field-diff";
import { actionTone } from "./vocab";
import { actionLabel, actorLabel, isPersonActor } from "@/lib/domain/labels";

/** One event, already formatted on the server (times in the site's zone) so the client only toggles. */
export interface AuditRowData {
  id: number;
  iso: string;
  local: string;
  utc: string;
  /** The same instant in the other zone (UTC, or the site's clock when the column shows UTC). */
  hover: string;
  siteCode: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  objectLabel: string | null;
  objectHref: string | null;
  reason: string | null;
  ip: string | null;
  hash: string;
  before: unknown;
  after: unknown;
}

const COLUMNS = 7;
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
const td = "border-b border-slate-100 px-3 py-1.5 align-top text-slate-800";

function ObjectCell({ e }: { e: AuditRowData }) {
  const text = e.objectLabel ?? (e.objectId ? shortId(e.objectId) : null);
  return (
    <span className="whitespace-nowrap">
      <span className="text-slate-600">{e.objectType}</span>
      {text ? " " : null}
      {text && e.objectHref ? (
        <Link href={e.objectHref} title={e.objectId ?? undefined} className="font-mono text-xs">
          {text}
        </Link>
      ) : text ? (
        <span title={e.objectId ?? undefined} className="font-mono text-xs">
          {text}
        </span>
      ) : null}
    </span>
  );
}

function DiffTable({ e }: { e: AuditRowData }) {
  const rows = fieldDiff(e.before, e.after);
  if (rows.length === 0)
    return <p className="text-xs text-slate-600">No field values were recorded with this event.</p>;
  // A creation records only "after" and a removal only "before": a column of blanks would say nothing.
  const sides = (["before", "after"] as const).filter((side) => e[side] != null);
  const both = sides.length === 2;
  return (
    <table className="w-full max-w-4xl border-collapse text-xs">
      <caption className="mb-1 text-left font-medium text-slate-700">
        {both ? "Field changes" : e.before == null ? "Values recorded" : "Values before"} of event {e.id}
      </caption>
      <thead>
        <tr>
          {["Field", ...sides.map((s) => (s === "before" ? "Before" : "After"))].map((h) => (
            <th
              key={h}
              scope="col"
              className="border-b border-slate-200 px-2 py-1 text-left font-semibold text-slate-700"
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} className={both && !r.changed ? "text-slate-600" : undefined}>
            <th
              scope="row"
              className="border-b border-slate-100 px-2 py-1 text-left font-mono font-normal whitespace-nowrap"
            >
              {r.field}
            </th>
            {sides.map((side) => (
              <td
                key={side}
                className={`border-b border-slate-100 px-2 py-1 font-mono break-all whitespace-pre-wrap ${both && r.changed ? (side === "before" ? "bg-red-50" : "bg-green-50") : ""}`}
              >
                {r[side] ?? <span className="text-slate-600 italic">empty</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Details({ e }: { e: AuditRowData }) {
  const facts: [string, React.ReactNode][] = [
    ["Event", `#${e.id}`],
    ["Action code", e.action],
    ["Time (UTC)", e.utc],
    [
      "Actor",
      isPersonActor(e.actorEmail) && e.actorName
        ? `${e.actorName} · ${e.actorEmail}`
        : actorLabel(e.actorEmail, e.actorName),
    ],
    ["Actor id", e.actorId ?? "—"],
    ["Client address", e.ip ?? "—"],
    ["Object", `${e.objectType}${e.objectId ? ` ${e.objectId}` : ""}`],
    ["Reason", e.reason ?? "—"],
    [
      "Chain hash",
      <span key="h" className="break-all">
        {e.hash}
      </span>,
    ],
  ];
  return (
    <div className="space-y-3 py-1">
      <dl className="grid max-w-4xl grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-xs">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-mono whitespace-pre-wrap text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <DiffTable e={e} />
    </div>
  );
}

/** An event as a row and its details row; each event is its own tbody so the pair opens together. */
export function AuditEventRows({ e }: { e: AuditRowData }) {
  return (
    <Collapsible.Root asChild>
      <tbody className="group">
        <tr className="hover:bg-slate-50">
          <td className={`${td} w-8 pr-0`}>
            <Collapsible.Trigger
              aria-label={`Details of event ${e.id}`}
              className="rounded p-0.5 text-slate-600 hover:bg-slate-200 hover:text-slate-900 data-[state=open]:rotate-90"
            >
              <ChevronRight className="size-4" aria-hidden="true" />
            </Collapsible.Trigger>
          </td>
          <td className={`${td} whitespace-nowrap`}>
            <time dateTime={e.iso} title={e.hover} className="font-mono text-xs">
              {e.local}
            </time>
          </td>
          <td className={td}>
            {isPersonActor(e.actorEmail) ? (
              <span className="block max-w-56 truncate" title={e.actorEmail}>
                {e.actorName ?? e.actorEmail}
                {e.actorName ? (
                  <span className="block truncate text-xs text-slate-600">{e.actorEmail}</span>
                ) : null}
              </span>
            ) : (
              <span className="text-slate-600">{actorLabel(e.actorEmail, e.actorName)}</span>
            )}
          </td>
          <td className={td}>
            <span title={e.action}>
              <Badge tone={actionTone(e.action)}>{actionLabel(e.action)}</Badge>
            </span>
          </td>
          <td className={td}>
            <ObjectCell e={e} />
          </td>
          <td className={td}>{e.siteCode ?? <span className="text-slate-600">—</span>}</td>
          <td className={`${td} max-w-80`}>
            <span className="line-clamp-2 text-xs">{e.reason}</span>
          </td>
        </tr>
        <Collapsible.Content asChild forceMount>
          <tr className="bg-slate-50 data-[state=closed]:hidden">
            <td colSpan={COLUMNS} className="border-b border-slate-200 px-3 py-2 pl-11">
              <Details e={e} />
            </td>
          </tr>
        </Collapsible.Content>
      </tbody>
    </Collapsible.Root>
  );
}

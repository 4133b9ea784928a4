import { readAuditPayload, type AuditPayload } from "@/lib/audit/events";
import { integritySummary } from "@/lib/domain/changes/supply-chain";
import type { ChangeHistoryEvent } from "@/lib/types/changes";
import { SiteTime } from "./site-time";
import { actorLabel, historyActionLabel } from "@/lib/domain/labels";

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** "Dry run: allowed" for a gate decision; nothing for other events. */
function gateSummary(p: AuditPayload | null): string | null {
  if (p?.action !== "gate.decision") return null;
  return `${p.after.dryRun ? "Dry run: " : ""}${p.after.allowed ? "allowed" : "refused"}`;
}

function Details({ p }: { p: AuditPayload | null }) {
  if (p?.action === "change.update") {
    const { before, after } = p;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof typeof after)[];
    return (
      <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
        {keys.map((k) => (
          <li key={k}>
            <span className="font-medium">{k}</span>: {show(before[k])} → {show(after[k])}
          </li>
        ))}
      </ul>
    );
  }
  if (p?.action === "gate.decision") {
    return p.after.reasons.length ? (
      <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
        {p.after.reasons.map((r, i) => (
          <li key={i} title={r.code}>
            {r.message}
          </li>
        ))}
      </ul>
    ) : null;
  }
  if ((p?.action === "change.complete" || p?.action === "change.integrity_refused") && p.after.integrity) {
    return <p className="mt-1 text-xs text-slate-700">{integritySummary(p.after.integrity)}</p>;
  }
  if (p?.action === "signoff.sign") {
    return <p className="mt-1 text-xs text-slate-700">{show(p.after.meaning)}</p>;
  }
  return null;
}

export function HistoryList({ events, zone }: { events: ChangeHistoryEvent[]; zone: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No events yet.</p>;
  return (
    <ol
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
      aria-label="Change history"
      data-testid="history"
    >
      {events.map((e) => (
        <Entry key={e.id} e={e} zone={zone} />
      ))}
    </ol>
  );
}

function Entry({ e, zone }: { e: ChangeHistoryEvent; zone: string }) {
  // Narrowed on its type; an event an older version wrote in another shape shows its words only.
  const p = readAuditPayload({ ...e, objectType: "change" });
  const summary = gateSummary(p);
  return (
    <li className="grid gap-1 px-4 py-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]" data-action={e.action}>
      <span className="text-xs text-slate-600">
        <SiteTime at={e.at} zone={zone} />
        <span className="block" title={e.actorEmail ?? undefined}>
          {actorLabel(e.actorEmail)}
        </span>
      </span>
      <div className="min-w-0">
        <p className="font-medium text-slate-900">
          {/* The action's code, as the API and the trail's export name it, on hover. */}
          <span title={e.action}>{historyActionLabel(e.action)}</span>
          {summary ? <span className="font-normal text-slate-700"> — {summary}</span> : null}
        </p>
        {e.reason ? <p className="text-slate-800">{e.reason}</p> : null}
        <Details p={p} />
      </div>
    </li>
  );
}

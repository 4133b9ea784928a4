import { actionLabel, actorLabel } from "@/lib/audit/labels";
import { integritySummary, type IntegrityCheck } from "@/lib/domain/changes/supply-chain";
import type { ChangeHistoryEvent } from "@/lib/types/changes";
import { SiteTime } from "./site-time";

/** Short words for the change's own history; any other action reads as the trail names it. */
const ACTION_LABELS: Record<string, string> = {
  "change.create": "Created",
  "change.update": "Edited",
  "change.submit": "Submitted",
  "change.approve": "Approved",
  "change.reject": "Rejected",
  "change.revise": "Revised (back to draft)",
  "change.cancel": "Cancelled",
  "change.start": "Implementation started",
  "change.complete": "Outcome recorded",
  "change.pssr": "PSSR requested",
  "change.close": "Closed",
  "signoff.sign": "Signed",
  "signoff.supersede": "Sign-off superseded",
  "gate.decision": "Gate decision",
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function gateSummary(e: ChangeHistoryEvent): string | null {
  if (e.action !== "gate.decision") return null;
  const a = asRecord(e.after);
  const verdict = a.allowed ? "allowed" : "refused";
  return `${a.dryRun ? "Dry run: " : ""}${verdict}`;
}

function Details({ e }: { e: ChangeHistoryEvent }) {
  const before = asRecord(e.before);
  const after = asRecord(e.after);
  if (e.action === "change.update") {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
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
  if (e.action === "gate.decision") {
    const reasons = Array.isArray(after.reasons)
      ? (after.reasons as { code: string; message: string }[])
      : [];
    return reasons.length ? (
      <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
        {reasons.map((r, i) => (
          <li key={i}>
            <code className="font-mono">{r.code}</code> {r.message}
          </li>
        ))}
      </ul>
    ) : null;
  }
  if ((e.action === "change.complete" || e.action === "change.integrity_refused") && after.integrity) {
    return (
      <p className="mt-1 text-xs text-slate-700">{integritySummary(after.integrity as IntegrityCheck)}</p>
    );
  }
  if (e.action === "signoff.sign") {
    return <p className="mt-1 text-xs text-slate-700">{show(after.meaning ?? after.role)}</p>;
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
        <li
          key={e.id}
          className="grid gap-1 px-4 py-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]"
          data-action={e.action}
        >
          <span className="text-xs text-slate-600">
            <SiteTime at={e.at} zone={zone} />
            <span className="block" title={e.actorEmail ?? undefined}>
              {actorLabel(e.actorEmail)}
            </span>
          </span>
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {ACTION_LABELS[e.action] ?? actionLabel(e.action)}
              {gateSummary(e) ? (
                <span className="font-normal text-slate-700"> — {gateSummary(e)}</span>
              ) : null}
              <code className="ml-2 font-mono text-xs font-normal text-slate-500">{e.action}</code>
            </p>
            {e.reason ? <p className="text-slate-800">{e.reason}</p> : null}
            <Details e={e} />
          </div>
        </li>
      ))}
    </ol>
  );
}

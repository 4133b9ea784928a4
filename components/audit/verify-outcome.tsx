import type { VerifyReport } from "@/lib/types/audit";
import { auditTime } from "@/lib/audit/display-time";
import { actionLabel } from "@/lib/domain/labels";

const n = (v: number) => v.toLocaleString("en-US");
const utc = (iso: string) => auditTime(iso, null).utc;

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The verification result in words: what was checked, how long it took, and what broke. */
export function VerifyOutcome({ report: r }: { report: VerifyReport }) {
  const scope =
    r.period.from || r.period.to
      ? `the period ${r.period.from ? utc(r.period.from) : "from the first event"} – ${r.period.to ? utc(r.period.to) : "now"}`
      : "the whole trail";
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-xs sm:grid-cols-4">
        {[
          ["Events checked", n(r.checked)],
          ["Checkpoints checked", n(r.checkpointsChecked)],
          ["Time taken", seconds(r.ms)],
          ["Events covered", r.range ? `#${n(r.range.fromId)} – #${n(r.range.toId)}` : "none"],
        ].map(([term, value]) => (
          <div key={term}>
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {r.ok ? (
        <p className="text-slate-700">
          Every event of {scope} matches its hash and links to the one before it
          {r.checkpointsChecked ? ", and every signed checkpoint in it matches the event it sealed" : ""}.
          {r.lastCheckpoint
            ? ` The newest checkpoint (#${r.lastCheckpoint.id}) sealed event #${n(r.lastCheckpoint.eventId)} at ${utc(r.lastCheckpoint.at)}.`
            : ""}
        </p>
      ) : (
        <p className="font-medium text-red-800">{r.broken?.message}</p>
      )}
      {!r.keyConfigured ? (
        <p className="text-amber-800">
          No checkpoint key is configured (INTERLOCK_AUDIT_KEY), so checkpoints were not checked: a trail
          rewritten and rehashed by someone with database access would pass. Ask your administrator to set the
          key.
        </p>
      ) : null}
      {r.neighbours.length ? (
        <table className="mt-2 w-full max-w-4xl border-collapse text-xs">
          <caption className="mb-1 text-left font-medium text-slate-700">
            The broken event and its neighbours
          </caption>
          <thead>
            <tr>
              {["Event", "Time (UTC)", "Who", "What", "Site"].map((h) => (
                <th
                  key={h}
                  scope="col"
                  className="border-b border-slate-200 px-2 py-1 text-left font-semibold"
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.neighbours.map(({ id, event: e }) => (
              <tr key={id} className={id === r.broken?.eventId ? "bg-red-50" : undefined}>
                <td className="border-b border-slate-100 px-2 py-1 font-mono">#{n(id)}</td>
                {e ? (
                  <>
                    <td className="border-b border-slate-100 px-2 py-1">{utc(e.at)}</td>
                    <td className="border-b border-slate-100 px-2 py-1">
                      {e.actorName ?? e.actorEmail ?? "System"}
                    </td>
                    <td className="border-b border-slate-100 px-2 py-1" title={e.action}>
                      {actionLabel(e.action)}
                      {e.objectLabel ? ` · ${e.objectLabel}` : ""}
                    </td>
                    <td className="border-b border-slate-100 px-2 py-1">{e.siteCode ?? "—"}</td>
                  </>
                ) : (
                  <td colSpan={4} className="border-b border-slate-100 px-2 py-1 text-slate-600">
                    Missing, or at a site outside your audit scope.
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

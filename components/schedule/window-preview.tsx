"use client";
import {
  expandWindow,
  formatLocalRange,
  localToUtc,
  summarizeWindow,
  validateWindowDef,
  type WindowDef,
} from "@/lib/domain/schedule";

const DAY_MS = 86_400_000;

function preview(def: WindowDef, now: Date): { summary: string; next: string[]; error: string | null } {
  const check = validateWindowDef(def);
  if (!check.ok) return { summary: "", next: [], error: check.message };
  try {
    // "Next" counts from now, or from the first occurrence when the series starts later.
    const from = new Date(Math.max(now.getTime(), localToUtc(def.localStart, def.timeZone).getTime()));
    const next = expandWindow(def, from, new Date(from.getTime() + 800 * DAY_MS))
      .slice(0, 5)
      .map((o) => formatLocalRange(o.start, o.end, def.timeZone));
    return { summary: summarizeWindow(def), next, error: null };
  } catch {
    return {
      summary: summarizeWindow(def),
      next: [],
      error: "Too many occurrences to preview; the series is still valid.",
    };
  }
}

/** What the definition means, recomputed on every keystroke with the same rules the server uses. */
export function WindowPreview({ def, now }: { def: WindowDef | null; now: string }) {
  const p = def ? preview(def, new Date(now)) : null;
  return (
    <section
      aria-labelledby="window-preview-title"
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
    >
      <h2 id="window-preview-title" className="text-xs font-semibold tracking-wide text-slate-700 uppercase">
        Preview
      </h2>
      <div aria-live="polite" className="mt-1 space-y-2">
        {!p ? (
          <p className="text-slate-600">Fill in the start and duration to see the schedule.</p>
        ) : p.error ? (
          <p className="text-red-800">{p.error}</p>
        ) : (
          <>
            <p className="font-medium text-slate-900" data-testid="window-summary">
              {p.summary}
            </p>
            {p.next.length ? (
              <div>
                <p className="text-xs text-slate-600">
                  Next {p.next.length === 1 ? "occurrence" : `${p.next.length} occurrences`} (site time)
                </p>
                <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-slate-800" data-testid="window-next">
                  {p.next.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ol>
              </div>
            ) : (
              <p className="text-slate-600">No upcoming occurrences.</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

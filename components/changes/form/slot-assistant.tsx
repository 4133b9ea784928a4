"use client";
// Planning help from the scheduling rules: conflicts of the chosen slot, checked as it changes,
// and proposals of conflict-free slots (the same rules the gate applies at the start).
import { AlertTriangle, CalendarClock, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { formatUtc } from "@/lib/domain/site-time";
import type { FormResult } from "@/lib/schemas/form-result";
import type { SiteContact } from "@/lib/types/sites";
import { WhoCanHelp } from "../who-can-help";

export interface SlotFinding {
  code: string;
  message: string;
  blocking: boolean;
}

export interface SlotDraft {
  /** The saved change when editing: it never conflicts with itself. */
  changeId: string | null;
  /** True when the on-screen assets and impact are the saved ones (proposals may then use the saved change). */
  matchesSaved: boolean;
  assetIds: string[];
  expectedDowntimeMinutes: number;
  productionImpact: "none" | "degraded" | "outage";
}

export interface SlotTools {
  check: (
    input: SlotDraft & { start: string; end: string },
  ) => Promise<FormResult<{ conflicts: SlotFinding[]; blocking: boolean }>>;
  propose: (
    input: SlotDraft & { durationMinutes: number },
  ) => Promise<FormResult<{ slots: { start: string; end: string; localLabel: string }[] }>>;
  /** Who opens windows at the requester's sites, named when no window covers the slot. */
  help?: { contacts: SiteContact[]; mayOpenWindow: boolean };
}

/** "Ask a change manager at this site to open one: Elena Brooks", or a link for those who may. */
function WindowHelp({ help }: { help: SlotTools["help"] }) {
  if (!help) return null;
  return (
    <div className="mt-1 space-y-0.5 text-xs text-slate-800" data-testid="window-help">
      {help.mayOpenWindow ? (
        <p>
          You may open one: <Link href="/schedule/windows/new">new maintenance window</Link>.
        </p>
      ) : (
        <p>Ask a change manager at this site to open a maintenance window for it.</p>
      )}
      <WhoCanHelp help={[{ role: "change_manager", siteCode: null }]} contacts={help.contacts} />
    </div>
  );
}

function minutesBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const m = Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
  return Number.isFinite(m) && m > 0 ? m : null;
}

export function SlotAssistant({
  tools,
  draft,
  start,
  end,
  onPick,
}: {
  tools: SlotTools;
  draft: SlotDraft;
  start: string | null;
  end: string | null;
  onPick: (start: string, end: string) => void;
}) {
  const [check, setCheck] = useState<{
    key: string;
    result: FormResult<{ conflicts: SlotFinding[]; blocking: boolean }>;
  } | null>(null);
  const [duration, setDuration] = useState<string>("");
  const [proposals, setProposals] = useState<FormResult<{
    slots: { start: string; end: string; localLabel: string }[];
  }> | null>(null);
  const [proposing, setProposing] = useState(false);
  const key = JSON.stringify([draft, start, end]);
  const ready = draft.assetIds.length > 0 && start && end && Date.parse(end) > Date.parse(start);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      void tools
        .check({ ...draft, start: start!, end: end! })
        .catch(() => ({ ok: false as const, message: "The schedule could not be checked." }))
        .then((result) => setCheck({ key, result }));
    }, 400);
    return () => clearTimeout(timer);
    // `key` captures every input of the check.
  }, [key, ready]);

  const slotMinutes = minutesBetween(start, end);
  const wanted = Number(duration) || slotMinutes || Math.max(60, draft.expectedDowntimeMinutes);

  async function suggest() {
    setProposing(true);
    const r = await tools
      .propose({ ...draft, durationMinutes: wanted })
      .catch(() => ({ ok: false as const, message: "No proposals could be made." }));
    setProposals(r);
    setProposing(false);
  }

  const current = check && check.key === key ? check.result : null;
  return (
    <div
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      data-testid="slot-assistant"
    >
      <div aria-live="polite">
        {!ready ? (
          <p className="text-xs text-slate-600">
            Pick assets and a slot to check it against windows, blackouts, production runs and other changes.
          </p>
        ) : !current ? (
          <p className="text-xs text-slate-600">Checking the slot…</p>
        ) : !current.ok ? (
          <p className="text-xs text-red-800">{current.message}</p>
        ) : current.data.conflicts.length === 0 ? (
          <p className="flex items-center gap-1.5 text-sm text-green-800">
            <CheckCircle2 className="size-4" aria-hidden="true" /> No conflicts: the slot lies in a
            maintenance window and clashes with nothing.
          </p>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="Conflicts of this slot">
            {current.data.conflicts.map((c, i) => (
              <li
                key={`${c.code}-${i}`}
                className={`flex gap-1.5 ${c.blocking ? "text-red-800" : "text-amber-900"}`}
              >
                <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                <span>
                  {c.message}
                  {c.blocking ? "" : " (not blocking: whichever change starts first wins at the gate)"}
                </span>
              </li>
            ))}
          </ul>
        )}
        {current?.ok && current.data.conflicts.some((c) => c.code === "outside_window") ? (
          <WindowHelp help={tools.help} />
        ) : null}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <Field id="slot-duration" label="Duration (minutes)" className="w-40">
          <Input
            type="number"
            min={1}
            step={15}
            inputMode="numeric"
            value={duration}
            placeholder={String(wanted)}
            onChange={(e) => setDuration(e.target.value)}
          />
        </Field>
        <Button onClick={() => void suggest()} disabled={proposing || draft.assetIds.length === 0}>
          <CalendarClock className="size-4" aria-hidden="true" />
          {proposing ? "Looking for slots…" : "Suggest slots"}
        </Button>
      </div>
      {proposals && !proposals.ok ? <p className="text-xs text-red-800">{proposals.message}</p> : null}
      {proposals?.ok ? (
        proposals.data.slots.length === 0 ? (
          <div className="text-sm text-slate-700">
            <p>No conflict-free slot of {wanted} minutes in the next 90 days.</p>
            <WindowHelp help={tools.help} />
          </div>
        ) : (
          <ul
            className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
            aria-label="Proposed slots"
          >
            {proposals.data.slots.map((s) => (
              <li key={s.start} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
                <span>
                  {s.localLabel}
                  <span className="block text-xs text-slate-600">
                    {formatUtc(s.start)} – {formatUtc(s.end)}
                  </span>
                </span>
                <Button size="sm" onClick={() => onPick(s.start, s.end)}>
                  Use this slot
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

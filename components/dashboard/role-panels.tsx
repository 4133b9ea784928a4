import Link from "next/link";
import { StateBadge } from "@/components/changes/badges";
import { SiteTime } from "@/components/changes/site-time";
import { Card, CardHeader } from "@/components/ui/card";
import { CHANGE_STATES, type GateReasonCode } from "@/lib/domain/constants";
import type { ApproverPanel, ImplementerPanel, ManagerPanel, RequesterPanel } from "@/lib/types/dashboard";
import { WeekTimeline } from "./week-timeline";
import { GATE_REASON_LABELS, SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { signableRoleLabel } from "@/lib/domain/changes/wording";

const item = "flex items-start justify-between gap-3 px-4 py-2 text-sm [&>:last-child]:shrink-0";
const changeLink = (c: { id: string; number: string; title: string }) => (
  <Link href={`/changes/${c.id}`}>
    <span className="font-mono text-xs">{c.number}</span> {c.title}
  </Link>
);

export function RequesterCard({ data }: { data: RequesterPanel }) {
  return (
    <Card>
      <CardHeader
        title="My changes"
        description="Your requests by state, and what holds each open one up."
        actions={<Link href="/changes/new">New change</Link>}
      />
      <ul className="flex flex-wrap gap-2 px-4 pt-3" aria-label="My changes by state">
        {CHANGE_STATES.filter((s) => data.counts[s]).map((s) => (
          <li key={s} className="flex items-center gap-1 text-sm">
            <StateBadge state={s} /> <span className="font-semibold tabular-nums">{data.counts[s]}</span>
          </li>
        ))}
      </ul>
      {data.open.length === 0 ? (
        <p className="p-4 text-sm text-slate-700">
          Nothing open.{" "}
          <Link href="/changes/new" className="underline">
            Request a change
          </Link>{" "}
          when work is due.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" aria-label="My open changes">
          {data.open.map((c) => (
            <li key={c.id} className={item}>
              <span className="min-w-0">
                {changeLink(c)}
                {c.blockers.length ? (
                  <span className="block text-xs text-slate-700">{c.blockers.join("; ")}</span>
                ) : c.plannedStart ? (
                  <span className="block text-xs text-slate-700">
                    Slot opens <SiteTime at={c.plannedStart} zone={c.timeZone} />
                  </span>
                ) : null}
              </span>
              <StateBadge state={c.state} />
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-slate-200 px-4 py-3">
        <h3 className="text-xs font-semibold text-slate-900">My next maintenance windows</h3>
        {data.nextWindows.length === 0 ? (
          <p className="text-sm text-slate-700">
            None in the next 14 days. Ask your site&apos;s change manager to open one.
          </p>
        ) : (
          <ul className="mt-1 space-y-0.5 text-sm" aria-label="My next maintenance windows">
            {data.nextWindows.map((w) => (
              <li key={`${w.siteCode}-${w.start}`}>
                <SiteTime at={w.start} zone={w.timeZone} /> to <SiteTime at={w.end} zone={w.timeZone} />:{" "}
                {w.title} ({w.siteCode})
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export function ApproverCard({ data }: { data: ApproverPanel }) {
  return (
    <Card>
      <CardHeader
        title="Waiting for me"
        description="Changes that need your signature."
        actions={<Link href="/approvals">Open inbox</Link>}
      />
      <p className="px-4 pt-3 text-sm text-slate-700" data-testid="approver-waiting">
        <span className="text-2xl font-semibold text-slate-900">{data.waiting}</span>{" "}
        {data.waiting === 1 ? "change waits" : "changes wait"} for you
        {data.oldest ? (
          <>
            ; the oldest since <SiteTime at={data.oldest.waitingSince} zone={data.oldestZone} /> (
            {data.oldest.number})
          </>
        ) : null}
      </p>
      {data.items.length ? (
        <ul className="mt-2 divide-y divide-slate-100" aria-label="Waiting for my sign-off">
          {data.items.map((i) => (
            <li key={i.id} className={item}>
              <span className="min-w-0">
                {changeLink(i)}
                <span className="block text-xs text-slate-700">
                  {i.roles.map(signableRoleLabel).join("; ")} · requested by {i.requesterName}
                </span>
              </span>
              {i.overdue ? (
                <span className="text-xs font-semibold text-red-700">Overdue</span>
              ) : (
                <StateBadge state={i.state} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="border-t border-slate-200 px-4 py-3">
        <h3 className="text-xs font-semibold text-slate-900">Recently signed by me</h3>
        {data.recentlySigned.length === 0 ? (
          <p className="text-sm text-slate-700">You have not signed anything yet.</p>
        ) : (
          <ul className="mt-1 space-y-0.5 text-sm" aria-label="Recently signed by me">
            {data.recentlySigned.map((s) => (
              <li key={`${s.changeId}-${s.role}-${s.signedAt}`}>
                <SiteTime at={s.signedAt} zone={s.timeZone} />:{" "}
                {s.decision === "approve" ? "approved" : "rejected"} as{" "}
                {SIGNOFF_ROLE_LABELS[s.role].toLowerCase()}{" "}
                <Link href={`/changes/${s.changeId}`} className="underline">
                  {s.number}
                </Link>{" "}
                {s.title}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export function ImplementerCard({ data }: { data: ImplementerPanel }) {
  return (
    <Card>
      <CardHeader
        title="Ready to implement"
        description="Approved changes you implement whose slot opens within 72 hours, with the gate's answer now."
      />
      {data.upcoming.length === 0 && data.inProgress.length === 0 ? (
        <p className="p-4 text-sm text-slate-700">Nothing due in the next 72 hours.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="My implementation queue">
          {data.inProgress.map((c) => (
            <li key={c.id} className={item}>
              <span className="min-w-0">
                {changeLink(c)}
                <span className="block text-xs text-slate-700">
                  In progress: record the outcome when done.
                </span>
              </span>
              <StateBadge state={c.state} />
            </li>
          ))}
          {data.upcoming.map((c) => (
            <li key={c.id} className={item}>
              <span className="min-w-0">
                {changeLink(c)}
                <span className="block text-xs text-slate-700">
                  Slot {c.plannedStart ? <SiteTime at={c.plannedStart} zone={c.timeZone} /> : "not set"}.{" "}
                  {c.gate.allowed
                    ? "The gate would open now."
                    : `The gate would refuse now: ${c.gate.reasons.map((r) => GATE_REASON_LABELS[r.code as GateReasonCode] ?? r.message).join("; ")}.`}
                </span>
              </span>
              <span
                className={`text-xs font-semibold ${c.gate.allowed ? "text-emerald-700" : "text-slate-700"}`}
              >
                {c.gate.allowed ? "Gate open" : "Gate closed"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function ManagerCard({ data }: { data: ManagerPanel }) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader
        title="The week ahead"
        description="Windows, blackouts, production runs and changes at the sites you manage; conflicts outlined in red."
        actions={<Link href="/calendar">Calendar</Link>}
      />
      <div className="space-y-4 p-4">
        {data.sites.map((s) => (
          <section key={s.siteCode} aria-label={`Week ahead at ${s.siteName}`}>
            <h3 className="mb-1 text-xs font-semibold text-slate-900">
              {s.siteName} ({s.siteCode})
            </h3>
            <WeekTimeline
              siteCode={s.siteCode}
              timeZone={s.timeZone}
              from={s.from}
              to={s.to}
              days={s.days}
              items={s.items}
            />
            {s.conflicts.length ? (
              <ul className="mt-2 space-y-1 text-sm" aria-label={`Conflicts at ${s.siteCode}`}>
                {s.conflicts.map((c) => (
                  <li key={c.changeId}>
                    <Link href={`/changes/${c.changeId}`} className="underline">
                      {c.number}
                    </Link>{" "}
                    {c.title}: <span className="text-slate-700">{c.messages.join("; ")}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-700">No conflicts in the week ahead.</p>
            )}
          </section>
        ))}
      </div>
    </Card>
  );
}

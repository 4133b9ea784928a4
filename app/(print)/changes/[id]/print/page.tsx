import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  RiskLines,
  impactFacts,
  modelFacts,
  planFacts,
  requestFacts,
  scheduleFacts,
} from "@/components/changes/fact-lists";
import { AssetsTable, Facts } from "@/components/changes/overview";
import { HistoryList } from "@/components/changes/history-list";
import { PrintButton } from "@/components/changes/print-button";
import { RecordPdfLink } from "@/components/changes/record-pdf-link";
import { SignoffRecordTable, awaitedWho } from "@/components/changes/signoffs-panel";
import { SiteTime } from "@/components/changes/site-time";
import { formatInZone, formatUtc } from "@/lib/domain/site-time";
import { requireActor } from "@/lib/auth/session";
import { getChange } from "@/lib/services/changes/get";
import { changeHistory } from "@/lib/services/changes/list-history";
import { isServiceError } from "@/lib/services/base/errors";
import {
  CHANGE_CLASS_LABELS,
  CHANGE_TYPE_LABELS,
  RISK_LABELS,
  CHANGE_STATE_LABELS,
  SIGNOFF_ROLE_LABELS,
} from "@/lib/domain/labels";

export const metadata: Metadata = { title: "Change record" };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-5 break-inside-avoid-page">
      <h2 className="border-b border-slate-300 pb-1 text-sm font-semibold tracking-wide text-slate-900 uppercase">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function PrintChangePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const change = await getChange(actor, id).catch((e: unknown) => {
    if (isServiceError(e) && (e.code === "not_found" || e.code === "invalid")) notFound();
    throw e;
  });
  const history = await changeHistory(actor, change.id, { limit: 500 });
  const zone = change.sites[0]?.timeZone ?? "UTC";
  const t = (at: string | null) => (at ? `${formatInZone(at, zone)} (${formatUtc(at)})` : "—");
  const printedAt = new Date().toISOString();

  return (
    <article aria-labelledby="record-title">
      <div className="mb-4 flex items-center justify-between gap-2 print:hidden">
        <Link href={`/changes/${change.id}`}>← Back to {change.number}</Link>
        <div className="flex gap-2">
          <RecordPdfLink changeId={change.id} />
          <PrintButton />
        </div>
      </div>
      <header className="border-b-2 border-slate-900 pb-2">
        <p className="text-xs text-slate-700">Interlock — change record</p>
        <h1 id="record-title" className="text-xl font-semibold text-slate-900">
          {change.number}: {change.title}
        </h1>
        <p className="text-sm text-slate-800">
          State {CHANGE_STATE_LABELS[change.state]} · {CHANGE_CLASS_LABELS[change.class]} ·{" "}
          {CHANGE_TYPE_LABELS[change.type]} · {RISK_LABELS[change.risk]} risk (score {change.riskScore}) ·
          version {change.version}
        </p>
        <p className="text-xs text-slate-700">
          Sites {change.sites.map((s) => `${s.name} (${s.code}, ${s.timeZone})`).join("; ")}. Printed{" "}
          {formatInZone(printedAt, zone)} by {actor.name}.
        </p>
      </header>

      <Section title="Request">
        <Facts items={[...modelFacts(change), ...requestFacts(change)]} />
      </Section>
      <Section title="Affected assets">
        <div className="mt-2">
          <AssetsTable change={change} />
        </div>
      </Section>
      <Section title="Plan, evidence and impact">
        <Facts
          items={[
            ...planFacts(change),
            ...impactFacts(change),
            ["Risk", <RiskLines key="r" lines={change.riskExplanation} />],
          ]}
        />
      </Section>
      <Section title="Schedule and outcome">
        <Facts items={scheduleFacts(change, t)} />
      </Section>
      <Section title="Required sign-offs">
        <ul className="mt-2 space-y-1 text-sm">
          {change.requiredSignoffs.map((r) => (
            <li key={`${r.role}:${r.siteCode ?? ""}`}>
              <span className="font-medium">
                {SIGNOFF_ROLE_LABELS[r.role]}
                {r.siteCode ? ` (${r.siteCode})` : ""}
              </span>
              : {r.satisfied ? "satisfied" : `missing — awaiting ${awaitedWho(change, r.role, r.siteCode)}`}
              {r.dueAt ? `; due ${t(r.dueAt)}${r.overdue ? " — OVERDUE" : ""}` : ""}.{" "}
              <span className="text-slate-700">{r.reason}</span>
            </li>
          ))}
          {change.pssrRequired && !change.requiredSignoffs.some((r) => r.role === "pssr") ? (
            <li>PSSR: required after implementation, signed by a safety approver before closing.</li>
          ) : null}
        </ul>
        <p className="mt-1 text-xs text-slate-700">
          Content hash now: <code className="font-mono break-all">{change.contentHash}</code>
        </p>
      </Section>
      <Section title="Electronic signatures">
        <div className="mt-2">
          <SignoffRecordTable
            signoffs={change.signoffs}
            zone={zone}
            caption="Every sign-off, superseded ones included"
            fullHash
          />
        </div>
        <p className="mt-1 text-xs text-slate-700">
          Times in {zone}. Each signature was given by re-entering the signer&apos;s password and covers the
          content with the hash shown.
        </p>
      </Section>
      <Section title="History">
        <div className="mt-2">
          <HistoryList events={history.items} zone={zone} />
        </div>
        {history.nextCursor ? (
          <p className="text-xs text-slate-700">
            The history continues beyond the first {history.items.length} events; export the full trail from
            the audit trail.
          </p>
        ) : null}
      </Section>
      <p className="mt-6 text-xs text-slate-600">
        Created <SiteTime at={change.createdAt} zone={zone} />, last changed{" "}
        <SiteTime at={change.updatedAt} zone={zone} />
        {change.updatedByEmail ? ` by ${change.updatedByEmail}` : ""}.
      </p>
    </article>
  );
}

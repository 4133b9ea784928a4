import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AssetMatchTable } from "@/components/advisories/asset-match-table";
import { KevBadge, ReviewBadge } from "@/components/advisories/badges";
import { REMEDIATION_LABELS } from "@/lib/domain/labels";
import {
  ApplicabilityForm,
  DraftChangesButton,
  ExtendPlanForm,
  PlanForm,
} from "@/components/advisories/forms";
import { Badge } from "@/components/ui/badge";
import { Alert, Card, CardHeader } from "@/components/ui/card";
import { AdvisoryHeader } from "@/components/advisories/advisory-header";
import { Table, Td, Th } from "@/components/ui/table";
import { hasSitePermission, sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatInZone, zoneAbbreviation } from "@/lib/domain/site-time";
import { EXTENSION_MEANING } from "@/lib/services/advisories/extend-plan";
import { getAdvisory } from "@/lib/services/advisories/get";
import { planApprovers } from "@/lib/services/advisories/plan-approvers";
import { isServiceError } from "@/lib/services/base/errors";
import {
  decideApplicabilityAction,
  decideMatchAction,
  draftChangesAction,
  extendPlanAction,
  recordPlanAction,
} from "./actions";

const load = cache(async (id: string) =>
  getAdvisory(await requireActor(), id).catch((e: unknown) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  }),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const a = await load((await params).id);
  return { title: `${a.trackingId} ${a.title}` };
}

const maxOf = (xs: (number | undefined)[]) => {
  const scores = xs.filter((x): x is number => x !== undefined);
  return scores.length ? Math.max(...scores) : null;
};

const IMPORTED = {
  created: "Imported.",
  updated: "Updated to the newer revision; what it added is listed under Revisions.",
  unchanged: "This revision was already imported; nothing changed.",
} as const;

const DUE_WHAT = {
  decision: "Applicability decision",
  fix_or_plan: "Fix installed or plan recorded",
  plan_target: "Plan target",
};

export default async function AdvisoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ imported?: string }>;
}) {
  const [{ id }, { imported }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const a = await load(id);
  const approvers = await planApprovers(
    actor,
    a.sites.map((s) => s.siteId),
  );
  const zoneOf = (siteCode: string) => a.sites.find((s) => s.siteCode === siteCode)?.timeZone ?? "UTC";
  const firstZone = a.sites[0]?.timeZone ?? "UTC";
  const canDraft = sitesWithPermission(actor, "change.create").some((s) =>
    a.matches.some((m) => m.status === "affected" && m.asset.siteId === s),
  );

  return (
    <>
      <AdvisoryHeader
        a={{ ...a, maxCvss: maxOf(a.cves.map((c) => c.cvss?.baseScore)) }}
        zone={firstZone}
        counts={{
          affected: a.sites.reduce((n, s) => n + s.counts.affected, 0),
          unknown: a.sites.reduce((n, s) => n + s.counts.unknown, 0),
        }}
        actions={canDraft ? <DraftChangesButton action={draftChangesAction.bind(null, a.id)} /> : null}
      />
      {imported && imported in IMPORTED ? (
        <div className="mb-3">
          <Alert tone="success">{IMPORTED[imported as keyof typeof IMPORTED]}</Alert>
        </div>
      ) : null}
      {a.summary ? <p className="mb-4 max-w-4xl text-sm text-slate-700">{a.summary}</p> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Vulnerabilities"
            description="CVSS v3 base scores; known-exploited marks from the imported CISA KEV catalog."
          />
          <Table caption="Vulnerabilities" className="rounded-none border-0">
            <thead>
              <tr>
                <Th>CVE</Th>
                <Th>CVSS</Th>
                <Th>Weakness</Th>
                <Th>Exploitation</Th>
              </tr>
            </thead>
            <tbody>
              {a.cves.map((c) => (
                <tr key={c.cve}>
                  <Td className="whitespace-nowrap">
                    <span className="font-medium">{c.cve}</span>
                    {c.title ? <div className="text-xs text-slate-600">{c.title}</div> : null}
                  </Td>
                  <Td className="text-xs">
                    {c.cvss ? (
                      <>
                        <span className="font-medium">{c.cvss.baseScore.toFixed(1)}</span>
                        <div className="break-all text-slate-600">{c.cvss.vector}</div>
                      </>
                    ) : (
                      "Not scored"
                    )}
                  </Td>
                  <Td className="text-xs">{c.cwe ? `${c.cwe.id} ${c.cwe.name}` : "—"}</Td>
                  <Td className="text-xs">
                    {c.knownExploited ? (
                      <>
                        <KevBadge ransomware={c.knownExploited.ransomware} />
                        <div className="mt-1">Added {c.knownExploited.dateAdded}</div>
                        <div className="text-slate-600">{c.knownExploited.requiredAction}</div>
                      </>
                    ) : (
                      "Not in the KEV catalog"
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Remediations" description="As the vendor gives them, by category and product." />
          <ul className="divide-y divide-slate-100 text-sm">
            {a.remediations.map((r, i) => (
              <li key={i} className="px-4 py-2">
                <Badge
                  tone={
                    r.category === "vendor_fix"
                      ? "green"
                      : r.category === "mitigation" || r.category === "workaround"
                        ? "blue"
                        : "gray"
                  }
                >
                  {(REMEDIATION_LABELS as Record<string, string>)[r.category] ?? "Other"}
                </Badge>{" "}
                <span className="whitespace-pre-line">{r.details}</span>
                {r.url ? (
                  <div className="text-xs break-all">
                    <a href={r.url} rel="noreferrer noopener" target="_blank">
                      {r.url}
                    </a>
                  </div>
                ) : null}
                {r.products.length ? (
                  <div className="text-xs text-slate-600">
                    For: {r.products.slice(0, 6).join("; ")}
                    {r.products.length > 6 ? ` and ${r.products.length - 6} more` : ""}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <h2 className="mt-6 mb-2 text-base font-semibold text-slate-900">Your sites</h2>
      {a.sites.length === 0 ? (
        <p className="text-sm text-slate-600">No asset you can see is affected or waiting for a decision.</p>
      ) : null}
      {a.sites.map((s) => {
        const zone = zoneAbbreviation(s.timeZone, new Date());
        const canAssess = hasSitePermission(actor, "advisory.assess", s.siteId);
        const canExtend = hasSitePermission(actor, "advisory.extend_plan", s.siteId);
        const siteMatches = a.matches.filter((m) => m.asset.siteId === s.siteId);
        const siteChanges = a.changes.filter((c) => c.siteId === s.siteId);
        return (
          <Card key={s.siteId} className="mb-4">
            <CardHeader
              title={s.siteName}
              description={`${s.counts.affected} affected, ${s.counts.unknown} to decide, ${s.counts.notAffected} not affected`}
              actions={<ReviewBadge status={s.clock.status} overdue={s.clock.overdue} />}
            />
            <div className="space-y-3 p-4 text-sm">
              {s.clock.due ? (
                <p className={s.clock.overdue ? "font-medium text-red-800" : "text-slate-700"}>
                  NERC CIP-007 R2: {DUE_WHAT[s.clock.due.what]} {s.clock.overdue ? "was due" : "due"} by{" "}
                  {formatInZone(s.clock.due.at, s.timeZone)}.
                </p>
              ) : null}
              {s.decidedAt ? (
                <p className="text-slate-700">
                  {s.applicable ? "Applicable" : "Not applicable"}, decided by {s.decidedByName} on{" "}
                  {formatInZone(s.decidedAt, s.timeZone)}: {s.decisionReason}
                </p>
              ) : canAssess ? (
                <ApplicabilityForm
                  siteCode={s.siteCode}
                  siteName={s.siteName}
                  action={decideApplicabilityAction.bind(null, a.id)}
                />
              ) : null}
              {s.plan ? (
                <div className="rounded-md border border-slate-200 p-3">
                  <p className="font-medium">
                    Mitigation plan, target {formatInZone(s.plan.targetDate, s.timeZone)}
                  </p>
                  <p className="whitespace-pre-line text-slate-700">{s.plan.actions}</p>
                  <p className="text-xs text-slate-600">
                    Approved by {s.plan.approverName}; recorded {formatInZone(s.plan.recordedAt, s.timeZone)}
                  </p>
                  {canExtend ? (
                    <div className="mt-3">
                      <ExtendPlanForm
                        siteCode={s.siteCode}
                        timeZone={s.timeZone}
                        zoneLabel={zone}
                        signerName={actor.name}
                        meaning={EXTENSION_MEANING}
                        action={extendPlanAction.bind(null, a.id)}
                      />
                    </div>
                  ) : null}
                </div>
              ) : s.applicable && canAssess && s.clock.status === "open" ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-blue-800">
                    Record a dated mitigation plan
                  </summary>
                  <div className="mt-2">
                    <PlanForm
                      siteCode={s.siteCode}
                      timeZone={s.timeZone}
                      zoneLabel={zone}
                      managers={approvers.get(s.siteId) ?? []}
                      action={recordPlanAction.bind(null, a.id)}
                    />
                  </div>
                </details>
              ) : null}
              {siteChanges.length ? (
                <p>
                  Changes:{" "}
                  {siteChanges.map((c, i) => (
                    <span key={c.changeId}>
                      {i ? ", " : ""}
                      <Link href={`/changes/${c.changeId}`}>{c.number}</Link>
                    </span>
                  ))}
                </p>
              ) : null}
            </div>
            <AssetMatchTable
              caption={`Assets at ${s.siteName}`}
              matches={siteMatches.filter((m) => m.status !== "not_affected")}
              changes={siteChanges}
              timeZone={zoneOf(s.siteCode)}
              canDecide={canAssess}
              decide={decideMatchAction.bind(null, a.id)}
            />
          </Card>
        );
      })}

      <Card className="mt-4">
        <CardHeader title="Revisions" description="Every imported revision is kept." />
        <ul className="divide-y divide-slate-100 text-sm">
          {a.revisions.map((r) => (
            <li key={r.revision} className="px-4 py-2">
              <span className="font-medium">Revision {r.revision}</span>, imported{" "}
              {formatInZone(r.importedAt, firstZone)}
              {r.delta ? (
                <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                  {r.delta.newCves.length ? <li>New CVEs: {r.delta.newCves.join(", ")}</li> : null}
                  {r.delta.newProducts.length ? (
                    <li>New products: {r.delta.newProducts.join("; ")}</li>
                  ) : null}
                  {r.delta.newRemediations.map((x) => (
                    <li key={x}>New remediation: {x}</li>
                  ))}
                  {!r.delta.newCves.length &&
                  !r.delta.newProducts.length &&
                  !r.delta.newRemediations.length ? (
                    <li>No new products, CVEs or remediations.</li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ASSET_KIND_LABELS, CRITICALITY_LABELS } from "@/lib/domain/constants";
import type { ChangeView } from "@/lib/types/changes";
import { SiteTime } from "./site-time";
import {
  CHANGE_CLASS_LABELS,
  CHANGE_TYPE_LABELS,
  OUTCOME_LABELS,
  PRODUCTION_IMPACT_LABELS,
  SAFETY_IMPACT_LABELS,
} from "./vocab";

export function Prose({ text }: { text: string | null | undefined }) {
  if (!text?.trim()) return <span className="text-slate-500">—</span>;
  return <p className="whitespace-pre-wrap">{text}</p>;
}

export function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 p-4 text-sm sm:grid-cols-2">
      {items.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-xs font-medium text-slate-600">{k}</dt>
          <dd className="text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const yesNo = (b: boolean | null) => (b === null ? "—" : b ? "Yes" : "No");

export function AssetsTable({ change }: { change: ChangeView }) {
  return (
    <Table caption="Affected assets">
      <thead>
        <tr>
          <Th>Tag</Th>
          <Th>Name</Th>
          <Th>Site · area</Th>
          <Th>Kind</Th>
          <Th>Criticality</Th>
          <Th>Flags</Th>
          <Th>Version</Th>
        </tr>
      </thead>
      <tbody>
        {change.assets.map((a) => (
          <tr key={a.id}>
            <Td className="font-medium">{a.tag}</Td>
            <Td>{a.name}</Td>
            <Td>
              {a.siteCode}
              {a.areaCode ? ` · ${a.areaCode}` : ""}
            </Td>
            <Td>{ASSET_KIND_LABELS[a.kind]}</Td>
            <Td>{CRITICALITY_LABELS[a.criticality]}</Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                {a.safetyRelated ? <Badge tone="red">Safety-related</Badge> : null}
                {a.gxp ? <Badge tone="blue">GxP</Badge> : null}
                {a.redundancyGroup ? <Badge>Group {a.redundancyGroup}</Badge> : null}
              </span>
            </Td>
            <Td className="font-mono text-xs">{a.version || "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function Overview({ change, zone }: { change: ChangeView; zone: string }) {
  const t = (at: string | null) => <SiteTime at={at} zone={zone} />;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title="What and why" />
        <Facts
          items={[
            ["Type", CHANGE_TYPE_LABELS[change.type]],
            ["Class", CHANGE_CLASS_LABELS[change.class]],
            ["Description", <Prose key="d" text={change.description} />],
            ["Justification / technical basis", <Prose key="j" text={change.justification} />],
            ["References", change.references.length ? change.references.join(", ") : "—"],
            ["Requester", `${change.requesterName} (${change.requesterEmail})`],
          ]}
        />
      </Card>
      <section aria-label="Affected assets" className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-900">Affected assets</h2>
        <AssetsTable change={change} />
      </section>
      <Card>
        <CardHeader title="Plan and evidence" />
        <Facts
          items={[
            ["Implementation plan", <Prose key="i" text={change.implementationPlan} />],
            ["Backout plan", <Prose key="b" text={change.backoutPlan} />],
            ["Tested on a test bench", yesNo(change.testedOnTestBench)],
            ["Vendor-qualified", yesNo(change.vendorQualified)],
            ["Test notes", <Prose key="t" text={change.testNotes} />],
          ]}
        />
      </Card>
      <Card>
        <CardHeader title="Impact and risk" description={change.riskExplanation[0]} />
        <Facts
          items={[
            ["Expected downtime", `${change.expectedDowntimeMinutes} minutes`],
            ["Production impact", PRODUCTION_IMPACT_LABELS[change.productionImpact]],
            ["Safety impact", SAFETY_IMPACT_LABELS[change.safetyImpact]],
            ["Safety-function bypass needed", yesNo(change.safetyBypassRequired)],
            [
              "Risk factors",
              <ul key="r" className="list-disc pl-5">
                {change.riskExplanation.slice(1).map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>,
            ],
          ]}
        />
      </Card>
      <Card>
        <CardHeader
          title="Schedule and implementation"
          description={`Times at ${change.sites.map((s) => s.name).join(", ")} (${zone}); UTC on hover.`}
        />
        <Facts
          items={[
            ["Planned start", t(change.plannedStart)],
            ["Planned end", t(change.plannedEnd)],
            [
              "Implementer",
              change.implementerName
                ? `${change.implementerName} (${change.implementerEmail})`
                : "Not assigned",
            ],
            ["Submitted", t(change.submittedAt)],
            ["Approved", t(change.approvedAt)],
            ["Actual start", t(change.actualStart)],
            ["Actual end", t(change.actualEnd)],
            ["Outcome", change.outcome ? OUTCOME_LABELS[change.outcome] : "—"],
            ["Outcome notes", <Prose key="o" text={change.outcomeNotes} />],
            ["Security controls verified", yesNo(change.pirSecurityVerified)],
            ["Asset baseline updated", yesNo(change.pirBaselineUpdated)],
            ["Review notes", <Prose key="p" text={change.pirNotes} />],
            ["Closed", t(change.closedAt)],
          ]}
        />
      </Card>
    </div>
  );
}

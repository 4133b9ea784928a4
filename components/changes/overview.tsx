import Link from "next/link";
import { AssetFlags, CriticalityBadge } from "@/components/assets/badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, SectionHeading } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ChangeView } from "@/lib/types/changes";
import { SiteTime } from "./site-time";
import { RiskLines, impactFacts, modelFacts, planFacts, requestFacts, scheduleFacts } from "./fact-lists";
import { ASSET_KIND_LABELS, CHANGE_CLASS_LABELS, CHANGE_TYPE_LABELS } from "@/lib/domain/labels";

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
            <Td className="font-medium">
              <Link href={`/assets/${a.id}`}>{a.tag}</Link>
            </Td>
            <Td>{a.name}</Td>
            <Td>
              {a.siteCode}
              {a.areaCode ? ` · ${a.areaCode}` : ""}
            </Td>
            <Td>{ASSET_KIND_LABELS[a.kind]}</Td>
            <Td>
              <CriticalityBadge criticality={a.criticality} />
            </Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                <AssetFlags safetyRelated={a.safetyRelated} gxp={a.gxp} />
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
            ...modelFacts(change),
            ...requestFacts(change),
          ]}
        />
      </Card>
      <div className="space-y-2">
        <SectionHeading>Affected assets</SectionHeading>
        <AssetsTable change={change} />
      </div>
      <Card>
        <CardHeader title="Plan and evidence" />
        <Facts items={planFacts(change)} />
      </Card>
      <Card>
        <CardHeader title="Impact and risk" description={change.riskExplanation[0]} />
        <Facts
          items={[
            ...impactFacts(change),
            ["Risk factors", <RiskLines key="r" lines={change.riskExplanation.slice(1)} />],
          ]}
        />
      </Card>
      <Card>
        <CardHeader
          title="Schedule and implementation"
          description={`Times at ${change.sites.map((s) => s.name).join(", ")} (${zone}); UTC on hover.`}
        />
        <Facts items={scheduleFacts(change, t)} />
      </Card>
    </div>
  );
}

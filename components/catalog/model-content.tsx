import { ASSET_KIND_LABELS, CHANGE_TYPE_LABELS, CRITICALITY_LABELS } from "@/lib/domain/labels";
import type { ModelContentView } from "@/lib/types/catalog";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[13rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-xs font-medium text-slate-600">{term}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function evidence(c: ModelContentView): string[] {
  return [
    c.requiresTestBench ? "Tested on a test bench first" : null,
    c.requiresVendorQualified ? "The vendor has qualified the fix" : null,
    c.testEvidence || null,
  ].filter((x): x is string => x !== null);
}

/** What a model version allows, in words: the bounds a standard change is checked against. */
export function ModelContent({ content }: { content: ModelContentView }) {
  const needs = evidence(content);
  return (
    <dl className="divide-y divide-slate-100 px-4">
      <Row term="Work">
        <p className="whitespace-pre-wrap">{content.description}</p>
      </Row>
      <Row term="Change types">{content.changeTypes.map((t) => CHANGE_TYPE_LABELS[t]).join(", ")}</Row>
      <Row term="Asset kinds">{content.assetKinds.map((k) => ASSET_KIND_LABELS[k]).join(", ")}</Row>
      <Row term="Asset criticalities">
        {content.criticalities.map((c) => CRITICALITY_LABELS[c]).join(", ")}
        <span className="block text-xs text-slate-600">Never a safety-related asset.</span>
      </Row>
      <Row term="Maximum downtime">
        {content.maxDowntimeMinutes === 0 ? "None (0 min)" : `${content.maxDowntimeMinutes} min`}
      </Row>
      <Row term="Required test evidence">
        {needs.length ? (
          <ul className="list-disc pl-5">
            {needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : (
          "None beyond the change's own"
        )}
      </Row>
      <Row term="Implementation plan template">
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap">
          {content.implementationPlanTemplate}
        </pre>
      </Row>
      <Row term="Backout plan template">
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap">
          {content.backoutPlanTemplate}
        </pre>
      </Row>
    </dl>
  );
}

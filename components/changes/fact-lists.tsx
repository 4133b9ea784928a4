import Link from "next/link";
import type { ReactNode } from "react";
import type { ChangeLinkView, ChangeView, IntegrityCheckView } from "@/lib/types/changes";
import {
  CHANGE_STATE_LABELS,
  OUTCOME_LABELS,
  PRODUCTION_IMPACT_LABELS,
  SAFETY_IMPACT_LABELS,
} from "@/lib/domain/labels";
import { temporaryRecordFacts } from "@/lib/domain/changes/temporary";

// The change's facts as label/value lists, shared by the overview tab and the printable record
// so that both state the same things in the same words; each surface lays them out its own way.
export type FactList = [string, ReactNode][];
/** How a surface shows an instant: with hover on screen, with UTC spelled out on paper. */
export type ShowTime = (at: string | null) => ReactNode;

export function Prose({ text }: { text: string | null | undefined }) {
  if (!text?.trim()) return <span className="text-slate-500">—</span>;
  return <p className="whitespace-pre-wrap">{text}</p>;
}

const yesNo = (b: boolean | null) => (b === null ? "—" : b ? "Yes" : "No");
const person = (name: string | null, email: string | null) => (name ? `${name} (${email})` : "Not assigned");

/** Which catalog model version a standard change follows (issue 15), or that it predates the catalog. */
export function modelFacts(change: ChangeView): FactList {
  if (change.class !== "standard") return [];
  const m = change.standardModel;
  if (m)
    return [
      [
        "Standard change model",
        `${m.code} v${m.version} “${m.title}”${m.retired ? " (model since retired)" : ""}`,
      ],
    ];
  if (change.standardLegacy) return [["Standard change model", "None: filed before the catalog (legacy)"]];
  return [
    ["Standard change model", "None chosen yet: a standard change must name an approved model to submit"],
  ];
}

export function requestFacts(change: ChangeView): FactList {
  return [
    ["Description", <Prose key="d" text={change.description} />],
    ["Justification / technical basis", <Prose key="j" text={change.justification} />],
    ["References", change.references.length ? change.references.join(", ") : "—"],
    ...(change.advisories.length
      ? ([["Drafted from advisory", <AdvisoryLinks key="a" items={change.advisories} />]] as FactList)
      : []),
    ...followFacts(change),
    ["Requester", person(change.requesterName, change.requesterEmail)],
  ];
}

function ChangeLinks({ items }: { items: ChangeLinkView[] }) {
  return (
    <ul className="space-y-0.5">
      {items.map((c) => (
        <li key={c.id}>
          <Link href={`/changes/${c.id}`} className="font-medium underline">
            {c.number}
          </Link>{" "}
          {c.title} ({CHANGE_STATE_LABELS[c.state]})
        </li>
      ))}
    </ul>
  );
}

/** The failed or rolled-back change this one follows up, and the follow-ups naming this one. */
function followFacts(change: ChangeView): FactList {
  const out: FactList = [];
  if (change.followsChangeId)
    out.push([
      "Follows",
      change.follows ? <ChangeLinks key="f" items={[change.follows]} /> : "A change at a site you cannot see",
    ]);
  if (change.followedBy.length) out.push(["Followed by", <ChangeLinks key="b" items={change.followedBy} />]);
  return out;
}

export function planFacts(change: ChangeView): FactList {
  return [
    ["Implementation plan", <Prose key="i" text={change.implementationPlan} />],
    ["Backout plan", <Prose key="b" text={change.backoutPlan} />],
    ["Tested on a test bench", yesNo(change.testedOnTestBench)],
    ["Vendor-qualified", yesNo(change.vendorQualified)],
    ["Test notes", <Prose key="t" text={change.testNotes} />],
  ];
}

export function impactFacts(change: ChangeView): FactList {
  return [
    ["Expected downtime", `${change.expectedDowntimeMinutes} minutes`],
    ["Production impact", PRODUCTION_IMPACT_LABELS[change.productionImpact]],
    ["Safety impact", SAFETY_IMPACT_LABELS[change.safetyImpact]],
    ["Safety-function bypass needed", yesNo(change.safetyBypassRequired)],
  ];
}

export function RiskLines({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="list-disc pl-5">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

export function scheduleFacts(change: ChangeView, t: ShowTime): FactList {
  return [
    ["Planned start", t(change.plannedStart)],
    ["Planned end", t(change.plannedEnd)],
    ...temporaryRecordFacts(change, t),
    ["Implementer", person(change.implementerName, change.implementerEmail)],
    ["Submitted", t(change.submittedAt)],
    ["Approved", t(change.approvedAt)],
    ["Actual start", t(change.actualStart)],
    ["Actual end", t(change.actualEnd)],
    ["Outcome", change.outcome ? OUTCOME_LABELS[change.outcome] : "—"],
    ["Outcome notes", <Prose key="o" text={change.outcomeNotes} />],
    ...(change.integrityRequired || change.integrityCheck
      ? ([
          ["Integrity check (CIP-010 R1.6)", <Integrity key="c" check={change.integrityCheck} t={t} />],
        ] as FactList)
      : []),
    ["Security controls verified", yesNo(change.pirSecurityVerified)],
    ["Asset baseline updated", yesNo(change.pirBaselineUpdated)],
    ["Review notes", <Prose key="p" text={change.pirNotes} />],
    ["Closed", t(change.closedAt)],
  ];
}

/** What was installed, checked against the vendor's value; the hashes in full, as an auditor compares them. */
function Integrity({ check, t }: { check: IntegrityCheckView | null; t: ShowTime }) {
  if (!check)
    return <span className="text-slate-500">Not recorded yet: it is recorded with the outcome.</span>;
  const hash = (label: string, value: string | null) =>
    value ? (
      <span className="block">
        {label} <code className="font-mono text-xs break-all">{value}</code>
      </span>
    ) : null;
  return (
    <div className="space-y-0.5" data-testid="integrity-check">
      <span className={`block font-medium ${check.passed ? "text-emerald-800" : "text-red-800"}`}>
        {check.passed ? "Passed" : "Failed"}: {check.summary}
      </span>
      {hash("Computed SHA-256", check.computedSha256)}
      {hash("Vendor's SHA-256", check.publishedSha256)}
      <span className="block text-xs text-slate-600">
        Checked by {check.recordedByName} ({check.recordedByEmail}), {t(check.recordedAt)}
      </span>
    </div>
  );
}

function AdvisoryLinks({ items }: { items: ChangeView["advisories"] }) {
  return (
    <ul data-testid="change-advisories">
      {items.map((a) => (
        <li key={a.id}>
          <Link href={`/advisories/${a.id}`} className="font-medium">
            {a.trackingId}
          </Link>{" "}
          <span className="text-slate-700">{a.title}</span>
        </li>
      ))}
    </ul>
  );
}

import "server-only";
import { readAuditPayload } from "@/lib/audit/events";
import { formatInZone, formatInZoneSeconds, formatUtc } from "@/lib/domain/site-time";
import { temporaryRecordFacts } from "@/lib/domain/changes/temporary";
import type { ChangeRecord } from "@/lib/services/records/get-change-record";
import type { ChangeHistoryEvent, ChangeLinkView, ChangeView } from "@/lib/types/changes";
import { MUTED, facts, footers, heading, newPdf, para, printable, toBuffer, type Pdf } from "./document";
import {
  actionLabel,
  CHANGE_CLASS_LABELS,
  CHANGE_TYPE_LABELS,
  OUTCOME_LABELS,
  PRODUCTION_IMPACT_LABELS,
  RISK_LABELS,
  SAFETY_IMPACT_LABELS,
  CHANGE_STATE_LABELS,
  SIGNOFF_ROLE_LABELS,
} from "@/lib/domain/labels";

const yesNo = (b: boolean | null) => (b === null ? "—" : b ? "Yes" : "No");
const linkText = (c: ChangeLinkView) => `${c.number} ${c.title} (${CHANGE_STATE_LABELS[c.state]})`;

/** CIP-010 R1.6: the hashes in full, so the paper record can be compared with the vendor's page. */
function integrityFacts(change: ChangeView, t: (at: string | null) => string): [string, string][] {
  const c = change.integrityCheck;
  if (!c) return change.integrityRequired ? [["Integrity check", "Not recorded yet"]] : [];
  return [
    ["Integrity check", `${c.passed ? "Passed" : "Failed"}: ${c.summary}`],
    ...(c.computedSha256 ? ([["Computed SHA-256", c.computedSha256]] as [string, string][]) : []),
    ...(c.publishedSha256 ? ([["Vendor's SHA-256", c.publishedSha256]] as [string, string][]) : []),
    ["Integrity checked by", `${c.recordedByName} (${c.recordedByEmail}), ${t(c.recordedAt)}`],
  ];
}
const show = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v.length > 200 ? `${v.slice(0, 197)}...` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
};

function eventDetails(e: ChangeHistoryEvent): string[] {
  const p = readAuditPayload({ ...e, objectType: "change" });
  switch (p?.action) {
    case "change.update": {
      const { before, after } = p;
      return ([...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof typeof after)[])
        .filter((k) => k !== "version")
        .map((k) => `${k}: ${show(before[k])} -> ${show(after[k])}`);
    }
    case "gate.decision":
      return [
        `${p.after.dryRun ? "Dry run" : "Start attempt"}: ${p.after.allowed ? "allowed" : "refused"}`,
        ...p.after.reasons.map((r) => r.message),
      ];
    case "signoff.sign":
      return [p.after.meaning];
    case "change.close":
      return p.after.baselineUpdates.map((u) => `Baseline ${u.tag}: ${u.from} -> ${u.to}`);
    default:
      return [];
  }
}

function signatures(doc: Pdf, record: ChangeRecord, zoneOf: (siteCode: string | null) => string) {
  const { change } = record;
  if (change.signoffs.length === 0) para(doc, "No sign-offs yet.", { muted: true });
  for (const s of change.signoffs) {
    const zone = zoneOf(s.siteCode);
    const status = s.superseded
      ? `SUPERSEDED ${formatUtc(s.supersededAt)}${s.supersededReason ? ` — ${s.supersededReason}` : ""}`
      : s.currentRound
        ? "Valid for this round"
        : `Earlier round (${s.round})`;
    doc.moveDown(0.3);
    const behalf = s.onBehalfOfName ? ` on behalf of ${s.onBehalfOfName}` : "";
    para(
      doc,
      `${s.signerName}${behalf} — ${SIGNOFF_ROLE_LABELS[s.role]}${s.siteCode ? ` (${s.siteCode})` : ""}`,
      { bold: true },
    );
    facts(doc, [
      ["Printed name", `${s.signerName} (${s.signerEmail})`],
      ...(s.onBehalfOfName
        ? [["On behalf of", `${s.onBehalfOfName} (delegated signing authority)`] as [string, string]]
        : []),
      ["Role", `${SIGNOFF_ROLE_LABELS[s.role]}${s.siteCode ? ` at ${s.siteCode}` : ""}`],
      ["Meaning", s.meaning],
      ["Decision", s.decision === "approve" ? "Approve" : "Reject"],
      ["Signed (UTC)", formatInZoneSeconds(s.signedAt, "UTC")],
      ["Signed (site time)", `${formatInZoneSeconds(s.signedAt, zone)} (${zone})`],
      ["Round", `${s.round}${s.retrospective ? " (retrospective, emergency change)" : ""}`],
      ["Status", status],
      ["Content hash signed", s.contentHash],
      ["Comment", s.comment],
    ]);
  }
}

/** The change record as a PDF: every field, assets with versions, signatures, gate decisions and history. */
export async function changeRecordPdf(record: ChangeRecord): Promise<Buffer> {
  const { change, history } = record;
  const zone = change.sites[0]?.timeZone ?? "UTC";
  const zoneOf = (code: string | null) => change.sites.find((s) => s.code === code)?.timeZone ?? zone;
  const t = (at: string | null) => (at ? `${formatInZone(at, zone)} (${formatUtc(at)})` : "—");
  const doc = newPdf({
    title: `${change.number} change record`,
    author: record.generatedBy,
    subject: change.title,
  });

  para(doc, "Interlock — change record", { muted: true, size: 8 });
  para(doc, `${change.number}: ${change.title}`, { bold: true, size: 15 });
  para(
    doc,
    `State ${CHANGE_STATE_LABELS[change.state]} · ${CHANGE_CLASS_LABELS[change.class]} · ${CHANGE_TYPE_LABELS[change.type]} · ${RISK_LABELS[change.risk]} risk (score ${change.riskScore}) · version ${change.version}`,
  );
  para(
    doc,
    `Sites ${change.sites.map((s) => `${s.name} (${s.code}, ${s.timeZone})`).join("; ")}. Generated ${t(record.generatedAt)} by ${record.generatedBy}.`,
    { muted: true, size: 8 },
  );

  heading(doc, "Request");
  facts(doc, [
    ["Requester", `${change.requesterName} (${change.requesterEmail})`],
    [
      "Implementer",
      change.implementerName ? `${change.implementerName} (${change.implementerEmail})` : "Not assigned",
    ],
    ["Description", change.description],
    ["Justification / technical basis", change.justification],
    ["References", change.references.join(", ")],
    [
      "Follows",
      change.follows
        ? linkText(change.follows)
        : change.followsChangeId
          ? "A change at a site you cannot see"
          : "—",
    ],
    ...(change.followedBy.length
      ? ([["Followed by", change.followedBy.map(linkText).join("; ")]] as [string, string][])
      : []),
  ]);

  heading(doc, "Affected assets");
  for (const a of change.assets) {
    const v = record.versions.find((x) => x.assetId === a.id);
    para(doc, `${a.tag} — ${a.name}`, { bold: true });
    facts(doc, [
      ["Site / area", `${a.siteCode}${a.areaCode ? ` / ${a.areaCode}` : ""}`],
      [
        "Criticality",
        `${a.criticality.replace("_", "-")}${a.safetyRelated ? ", safety-related" : ""}${a.gxp ? ", GxP" : ""}`,
      ],
      ["Version before", v?.before ?? a.version],
      ["Version after", v?.after ?? "Not recorded yet (the closing review records the baseline)"],
    ]);
  }

  heading(doc, "Plan, evidence and impact");
  facts(doc, [
    ["Implementation plan", change.implementationPlan],
    ["Backout plan", change.backoutPlan],
    ["Tested on a test bench", yesNo(change.testedOnTestBench)],
    ["Vendor-qualified", yesNo(change.vendorQualified)],
    ["Test notes", change.testNotes],
    ["Expected downtime", `${change.expectedDowntimeMinutes} minutes`],
    ["Production impact", PRODUCTION_IMPACT_LABELS[change.productionImpact]],
    ["Safety impact", SAFETY_IMPACT_LABELS[change.safetyImpact]],
    ["Safety-function bypass", yesNo(change.safetyBypassRequired)],
    ["Risk", change.riskExplanation.join("; ")],
  ]);

  heading(doc, "Schedule and outcome");
  facts(doc, [
    ["Planned start", t(change.plannedStart)],
    ["Planned end", t(change.plannedEnd)],
    ...temporaryRecordFacts(change, t),
    ["Submitted", t(change.submittedAt)],
    ["Approved", t(change.approvedAt)],
    ["Actual start", t(change.actualStart)],
    ["Actual end", t(change.actualEnd)],
    ["Outcome", change.outcome ? OUTCOME_LABELS[change.outcome] : "—"],
    ["Outcome notes", change.outcomeNotes ?? ""],
    ...integrityFacts(change, t),
    ["Security controls verified", yesNo(change.pirSecurityVerified)],
    ["Asset baseline updated", yesNo(change.pirBaselineUpdated)],
    ["Review notes", change.pirNotes ?? ""],
    ["Closed", t(change.closedAt)],
  ]);

  heading(doc, "Required sign-offs");
  for (const r of change.requiredSignoffs) {
    para(
      doc,
      `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}: ${r.satisfied ? "satisfied" : "missing"}${r.dueAt ? `; due ${t(r.dueAt)}${r.overdue ? " — OVERDUE" : ""}` : ""}. ${r.reason}`,
    );
  }
  para(doc, `Content hash now: ${change.contentHash}`, { muted: true, size: 8 });

  heading(doc, "Electronic signatures");
  signatures(doc, record, zoneOf);

  heading(doc, "Gate decisions");
  const gates = history.filter((e) => e.action === "gate.decision");
  if (gates.length === 0)
    para(doc, "The deployment gate has not been asked about this change.", { muted: true });
  for (const e of gates) {
    const [verdict, ...reasons] = eventDetails(e);
    para(doc, `${t(e.at)} — ${verdict} (asked by ${e.actorEmail ?? "the system"})`);
    for (const r of reasons) para(doc, `    ${r}`, { muted: true });
  }

  heading(doc, "History");
  for (const e of history) {
    para(doc, `#${e.id} ${t(e.at)} — ${actionLabel(e.action)} — ${e.actorEmail ?? "system"}`, {
      bold: true,
      size: 8.5,
    });
    if (e.reason) para(doc, e.reason, { size: 8.5 });
    for (const line of eventDetails(e)) para(doc, `    ${line}`, { muted: true, size: 8 });
  }

  heading(doc, "Check this record against the live trail");
  if (record.lastEvent) {
    facts(doc, [
      ["Last audit event of this change", `#${record.lastEvent.id}, ${t(record.lastEvent.at)}`],
      ["Its chain hash", record.lastEvent.hash],
    ]);
    doc.fillColor(MUTED);
    para(
      doc,
      "Look this event up in the audit trail: if its hash differs, or newer events exist for this change, the record has moved on since this printout.",
      { muted: true, size: 8 },
    );
  }
  footers(
    doc,
    `${change.number} · ${printable(change.title).slice(0, 60)} · generated ${formatUtc(record.generatedAt)}`,
  );
  return toBuffer(doc);
}

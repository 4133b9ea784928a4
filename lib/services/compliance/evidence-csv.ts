import "server-only";
import { CSV_BOM, toSafeCsv, type CsvValue } from "@/lib/csv/write";
import type { CheckedCheckpoint } from "@/lib/audit/check-checkpoints";
import type { ComplianceReport } from "@/lib/types/compliance";

type Cell = CsvValue;

const csv = (columns: readonly string[], rows: readonly Record<string, Cell>[]) =>
  `${CSV_BOM}${toSafeCsv(columns, rows)}\r\n`;

/** Every number on the dashboard, one line each, with the changes behind it by number. */
export function figuresCsv(r: ComplianceReport): string {
  const numbersOf = (figure: string | null) =>
    figure ? (r.figures[figure] ?? []).map((id) => r.changes[id]?.number ?? id).join(" ") : "";
  const rows: Record<string, Cell>[] = [];
  const add = (
    section: string,
    label: string,
    value: number | null,
    figure: string | null,
    unit = "changes",
  ) => rows.push({ section, label, value: value ?? "", unit, changes: numbersOf(figure) });
  add("Started", "Started (from the audit trail)", r.started.total, "started");
  add("Started", "With every required sign-off", r.started.withAllSignoffs, "started.with");
  add(
    "Started",
    "Without every required sign-off",
    r.started.total - r.started.withAllSignoffs,
    "started.without",
  );
  add("Started", "Trail and change table disagree", r.started.mismatches.length, "started.mismatch");
  add("Gate refusals", "All reasons", r.gateRefusals.total, "refusal", "refusals");
  for (const b of r.gateRefusals.byReason)
    add("Gate refusals", `${b.label} (${b.key})`, b.count, b.figure, "refusals");
  add("Emergency", "Emergency changes approved", r.emergency.total, "emergency");
  for (const [k, v] of Object.entries(r.emergency.retrospective))
    add("Emergency", `Retrospective sign-offs: ${k.replace("_", " ")}`, v, `emergency.${k}`, "sign-offs");
  add("PSSR", "Awaiting the pre-startup safety review", r.awaitingPssr.total, "pssr");
  add(
    "Baseline (CIP-010 R1.3)",
    "Baseline updated more than 30 days after implementation",
    r.baselineLate.total,
    "baseline",
  );
  const lt = r.leadTimes;
  add(
    "Lead time",
    "Submit to fully approved: median",
    lt.submitToApproved.medianHours,
    "lead.approval",
    "hours",
  );
  add(
    "Lead time",
    "Submit to fully approved: 90th percentile",
    lt.submitToApproved.p90Hours,
    "lead.approval",
    "hours",
  );
  add("Lead time", "Approved to started: median", lt.approvedToStarted.medianHours, "lead.start", "hours");
  add(
    "Lead time",
    "Approved to started: 90th percentile",
    lt.approvedToStarted.p90Hours,
    "lead.start",
    "hours",
  );
  for (const b of r.byType) add("By type", b.label, b.count, b.figure);
  for (const b of r.byRisk) add("By risk", b.label, b.count, b.figure);
  for (const b of r.byOutcome) add("By outcome", b.label, b.count, b.figure);
  return csv(["section", "label", "value", "unit", "changes"], rows);
}

export function mismatchesCsv(r: ComplianceReport): string {
  return csv(
    ["number", "changeId", "kind", "message", "trailStartUtc", "tableStartUtc"],
    r.started.mismatches.map((m) => ({
      number: m.number,
      changeId: m.changeId,
      kind: m.kind,
      message: m.message,
      trailStartUtc: m.trailAt,
      tableStartUtc: m.tableAt,
    })),
  );
}

export function startsWithoutSignoffsCsv(r: ComplianceReport): string {
  return csv(
    ["number", "changeId", "startedUtc", "problems"],
    r.started.withoutSignoffs.map((s) => ({
      number: s.number,
      changeId: s.changeId,
      startedUtc: s.startedAt,
      problems: s.problems.join("; "),
    })),
  );
}

/** The trail's checkpoints, each with its own verdict, so a reader sees which seals still hold. */
export function checkpointsCsv(list: readonly CheckedCheckpoint[]): string {
  const columns = [
    "id",
    "at",
    "eventId",
    "eventHash",
    "keyId",
    "mac",
    "reason",
    "actorEmail",
    "signature",
    "sealedEvent",
    "ok",
    "message",
  ];
  return csv(
    columns,
    list.map((c) => ({ ...c, ok: c.ok ? "yes" : "no" })),
  );
}

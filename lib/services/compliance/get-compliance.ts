import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { evaluateSignoffs, isoUtc } from "@/lib/domain/changes";
import {
  baselineDelay,
  leadTime,
  retrospectiveStatus,
  startMismatches,
  type RetroStatus,
} from "@/lib/domain/compliance/figures";
import { CHANGE_TYPES, OUTCOMES, RISK_LEVELS, type GateReasonCode } from "@/lib/domain/constants";
import type { CompliancePeriodInput } from "@/lib/schemas/compliance";
import { loadContexts, type ChangeRow } from "@/lib/services/changes/internal/load";
import { resolveComplianceScope, type ComplianceScope } from "./scope";
import { changesById, changesWhere, inPeriod, pssrPending, refOf } from "./tables";
import { gateRefusals, lastStartEvents, trailStarts } from "./trail";
import type { Bucket, ComplianceReport } from "@/lib/types/compliance";
import { CHANGE_TYPE_LABELS, OUTCOME_LABELS, RISK_LABELS, GATE_REASON_LABELS } from "@/lib/domain/labels";

const iso = (d: Date | null) => (d ? isoUtc(d) : null);

/**
 * The compliance figures of a period, for one site or every site the reader audits. `started`
 * comes from the audit trail alone (lib/domain/compliance/started.ts) and is then held against
 * the change table, every disagreement listed; the other figures read the change tables.
 */
export async function getCompliance(
  actor: Actor,
  input: CompliancePeriodInput,
  now = currentTime(),
): Promise<ComplianceReport> {
  const db = await getDb();
  const scope = await resolveComplianceScope(db, actor, input);
  return complianceFor(db, scope, now);
}

export async function complianceFor(
  db: Executor,
  scope: ComplianceScope,
  now: Date,
): Promise<ComplianceReport> {
  const figures: Record<string, string[]> = {};
  const known = new Map<string, ChangeRow>();
  const add = (figure: string, rows: readonly ChangeRow[]) => {
    figures[figure] = [...new Set([...(figures[figure] ?? []), ...rows.map((r) => r.id)])];
    for (const r of rows) known.set(r.id, r);
  };

  // Started: trail first, then the table's view of the same period and of the same changes.
  const trail = await trailStarts(db, scope);
  const tableStarted = await changesWhere(db, scope, inPeriod(changes.actualStart, scope));
  const trailRows = await changesById(
    db,
    trail.map((t) => t.changeId),
  );
  const tableOnly = tableStarted.filter((r) => !trailRows.has(r.id)).map((r) => r.id);
  const trailAtOf = new Map([...(await lastStartEvents(db, tableOnly))]);
  for (const t of trail) trailAtOf.set(t.changeId, t.startedAt);
  const mismatches = startMismatches(
    trail,
    tableStarted.map((r) => ({ changeId: r.id, number: r.number, actualStart: r.actualStart })),
    new Map(
      [...trailRows].map(([id, r]) => [id, { changeId: id, number: r.number, actualStart: r.actualStart }]),
    ),
    trailAtOf,
  );
  const rowsOf = (ids: readonly string[]) =>
    ids
      .map((id) => trailRows.get(id) ?? tableStarted.find((r) => r.id === id))
      .filter((r): r is ChangeRow => !!r);
  add("started", rowsOf(trail.map((t) => t.changeId)));
  add("started.with", rowsOf(trail.filter((t) => t.withAllSignoffs).map((t) => t.changeId)));
  add("started.without", rowsOf(trail.filter((t) => !t.withAllSignoffs).map((t) => t.changeId)));
  add("started.mismatch", rowsOf(mismatches.map((m) => m.changeId)));

  // Gate refusals of real start attempts, by reason code.
  const refusals = await gateRefusals(db, scope);
  const refusedRows = await changesById(db, [...new Set(refusals.map((r) => r.changeId))]);
  const reasonCounts = new Map<string, { count: number; ids: Set<string> }>();
  for (const r of refusals)
    for (const code of r.codes) {
      const entry = reasonCounts.get(code) ?? { count: 0, ids: new Set<string>() };
      entry.count++;
      entry.ids.add(r.changeId);
      reasonCounts.set(code, entry);
    }
  const byReason: Bucket[] = [...reasonCounts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([code, e]) => {
      const figure = `refusal.${code}`;
      add(
        figure,
        [...e.ids].map((id) => refusedRows.get(id)).filter((r): r is ChangeRow => !!r),
      );
      return { key: code, label: GATE_REASON_LABELS[code as GateReasonCode] ?? code, count: e.count, figure };
    });
  add("refusal", [...refusedRows.values()]);

  // Emergency changes approved in the period and their retrospective sign-offs (rule 7).
  const emergencyRows = await changesWhere(
    db,
    scope,
    eq(changes.class, "emergency"),
    inPeriod(changes.approvedAt, scope),
  );
  add("emergency", emergencyRows);
  const retro: Record<RetroStatus, number> = { on_time: 0, late: 0, overdue: 0, pending: 0 };
  const retroItems: ComplianceReport["emergency"]["items"] = [];
  for (const ctx of await loadContexts(db, emergencyRows)) {
    const evaluation = evaluateSignoffs(ctx.required, ctx.signoffs, ctx.row.approvalRound);
    for (const req of ctx.required.filter((r) => r.retrospectiveAllowed)) {
      const signed = evaluation.satisfied.find((s) => s.req === req)?.signoff.signedAt ?? null;
      const { status, dueAt } = retrospectiveStatus(ctx.row.approvedAt!, signed, now);
      retro[status]++;
      add(`emergency.${status}`, [ctx.row]);
      retroItems.push({
        changeId: ctx.row.id,
        number: ctx.row.number,
        role: req.role,
        siteCode: req.siteCode,
        status,
        approvedAt: isoUtc(ctx.row.approvedAt!),
        dueAt: isoUtc(dueAt),
        signedAt: iso(signed),
      });
    }
  }

  // Awaiting the pre-startup safety review now, implemented before the period's end.
  const pssr = (await changesWhere(db, scope, pssrPending)).filter(
    (r) => !r.actualEnd || r.actualEnd.getTime() < scope.to.getTime(),
  );
  add("pssr", pssr);

  // CIP-010 R1.3: closed in the period, baseline (written by the closing review) > 30 days after implementation.
  const closed = await changesWhere(db, scope, inPeriod(changes.closedAt, scope));
  const late = closed
    .filter((r) => r.actualEnd && r.closedAt)
    .map((r) => ({ row: r, ...baselineDelay(r.actualEnd!, r.closedAt!) }))
    .filter((x) => x.late);
  add(
    "baseline",
    late.map((x) => x.row),
  );

  // Lead times.
  const approved = await changesWhere(db, scope, inPeriod(changes.approvedAt, scope));
  add(
    "lead.approval",
    approved.filter((r) => r.submittedAt),
  );
  add(
    "lead.start",
    tableStarted.filter((r) => r.approvedAt),
  );

  // Breakdowns of the changes the table shows started in the period.
  const bucket = <K extends string>(
    name: string,
    keys: readonly K[],
    labels: Record<K, string>,
    keyOf: (r: ChangeRow) => K | null,
    notSet?: string,
  ) => {
    const out: Bucket[] = [];
    for (const key of [...keys, ...(notSet ? ["none" as K] : [])]) {
      const rows = tableStarted.filter((r) => (keyOf(r) ?? "none") === key);
      if (rows.length === 0) continue;
      const figure = `${name}.${key}`;
      add(figure, rows);
      out.push({ key, label: key === "none" ? notSet! : labels[key], count: rows.length, figure });
    }
    return out;
  };

  return {
    period: { from: isoUtc(scope.from), to: isoUtc(scope.to) },
    site: scope.site ? { code: scope.site.code, name: scope.site.name, timeZone: scope.site.timeZone } : null,
    sites: scope.sites.map((s) => s.code),
    generatedAt: isoUtc(now),
    started: {
      total: trail.length,
      withAllSignoffs: trail.filter((t) => t.withAllSignoffs).length,
      withoutSignoffs: trail
        .filter((t) => !t.withAllSignoffs)
        .map((t) => ({
          changeId: t.changeId,
          number: t.number,
          startedAt: isoUtc(t.startedAt),
          problems: t.problems,
        })),
      mismatches: mismatches.map((m) => ({ ...m, trailAt: iso(m.trailAt), tableAt: iso(m.tableAt) })),
    },
    gateRefusals: { total: refusals.length, byReason },
    emergency: { total: emergencyRows.length, retrospective: retro, items: retroItems },
    awaitingPssr: {
      total: pssr.length,
      items: pssr.map((r) => ({ changeId: r.id, number: r.number, implementedAt: iso(r.actualEnd) })),
    },
    baselineLate: {
      total: late.length,
      items: late.map((x) => ({
        changeId: x.row.id,
        number: x.row.number,
        implementedAt: isoUtc(x.row.actualEnd!),
        closedAt: isoUtc(x.row.closedAt!),
        days: x.days,
      })),
    },
    leadTimes: {
      submitToApproved: leadTime(approved.map((r) => ({ from: r.submittedAt, to: r.approvedAt }))),
      approvedToStarted: leadTime(tableStarted.map((r) => ({ from: r.approvedAt, to: r.actualStart }))),
    },
    byType: bucket("type", CHANGE_TYPES, CHANGE_TYPE_LABELS, (r) => r.type),
    byRisk: bucket("risk", RISK_LEVELS, RISK_LABELS, (r) => r.risk),
    byOutcome: bucket("outcome", OUTCOMES, OUTCOME_LABELS, (r) => r.outcome, "Not finished yet"),
    figures,
    changes: Object.fromEntries([...known.values()].map((r) => [r.id, refOf(r, scope.siteCodes)])),
  };
}

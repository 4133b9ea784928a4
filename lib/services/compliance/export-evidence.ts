import "server-only";
import { currentTime } from "@/lib/clock";
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { or } from "drizzle-orm";
import { ZipFile } from "yazl";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import { checkCheckpoints } from "@/lib/audit/check-checkpoints";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { changeRecordPdf } from "@/lib/pdf/change-record";
import type { CompliancePeriodInput } from "@/lib/schemas/compliance";
import { exportAuditEvents } from "@/lib/services/audit";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import { getChangeRecord } from "@/lib/services/records/get-change-record";
import { checkpointsCsv, figuresCsv, mismatchesCsv, startsWithoutSignoffsCsv } from "./evidence-csv";
import { complianceFor } from "./get-compliance";
import { resolveComplianceScope } from "./scope";
import { changesWhere, inPeriod } from "./tables";

export interface EvidencePack {
  filename: string;
  body: ReadableStream<Uint8Array>;
  files: number;
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

function stamp(d: Date) {
  return d.toISOString().slice(0, 10);
}

/** A string body or a web stream, as a Node stream that yazl can read. */
function nodeStream(body: string | ReadableStream<Uint8Array>): Readable {
  if (typeof body === "string") return Readable.from([Buffer.from(body, "utf8")]);
  return Readable.fromWeb(body as WebReadableStream<Uint8Array>);
}

/**
 * The evidence pack of a period: one ZIP, streamed, holding the dashboard's figures as CSV (and
 * the whole report as JSON), the record PDF of every change started or closed in the period, the
 * period's audit events as CSV, the chain verification, the trail's checkpoints each with its own
 * verdict (JSON, and CSV to read), and manifest.json with the SHA-256 of every file. Auditors only (it exports the trail); the pack is itself an audit event, committed
 * before the first byte leaves.
 */
export async function exportEvidence(
  actor: Actor,
  input: CompliancePeriodInput,
  now = currentTime(),
): Promise<EvidencePack> {
  const db = await getDb();
  const scope = await resolveComplianceScope(db, actor, input, "audit.export");
  const report = await complianceFor(db, scope, now);
  const verification = await verifyAudit(actor);
  const checkpoints = await checkCheckpoints(db);
  const newest = checkpoints.at(-1);

  const recordRows = await changesWhere(
    db,
    scope,
    or(inPeriod(changes.actualStart, scope), inPeriod(changes.closedAt, scope)),
  );
  const recordIds = new Set([...recordRows.map((r) => r.id), ...(report.figures.started ?? [])]);

  const trail = await exportAuditEvents(
    actor,
    { site: scope.site?.code, from: isoUtc(scope.from), to: isoUtc(scope.to) },
    "csv",
  );

  const buffers: { path: string; data: Buffer }[] = [
    { path: "compliance/figures.csv", data: Buffer.from(figuresCsv(report)) },
    { path: "compliance/mismatches.csv", data: Buffer.from(mismatchesCsv(report)) },
    { path: "compliance/starts-without-signoffs.csv", data: Buffer.from(startsWithoutSignoffsCsv(report)) },
    { path: "compliance/report.json", data: Buffer.from(JSON.stringify(report, null, 2)) },
    { path: "audit/verification.json", data: Buffer.from(JSON.stringify(verification, null, 2)) },
    { path: "audit/checkpoints.json", data: Buffer.from(JSON.stringify(checkpoints, null, 2)) },
    { path: "audit/checkpoints.csv", data: Buffer.from(checkpointsCsv(checkpoints)) },
  ];
  const numberOf = (id: string) =>
    recordRows.find((r) => r.id === id)?.number ?? report.changes[id]?.number ?? id;
  const sortedIds = [...recordIds].sort((a, b) => numberOf(a).localeCompare(numberOf(b)));
  for (const id of sortedIds) {
    const record = await getChangeRecord(actor, id, now);
    buffers.push({ path: `records/${record.change.number}.pdf`, data: await changeRecordPdf(record) });
  }

  const siteLabel = scope.site?.code ?? "all-sites";
  await db.transaction(async (tx) => {
    await appendAudit(tx, actor, {
      action: "audit.export",
      objectType: "audit",
      siteId: scope.site?.id ?? null,
      after: {
        kind: "evidence_pack",
        site: scope.site?.code ?? null,
        sites: report.sites,
        from: isoUtc(scope.from),
        to: isoUtc(scope.to),
        records: sortedIds.length,
      },
    });
  });

  const zip = new ZipFile();
  const manifest: { path: string; sha256: string }[] = [];
  const mtime = now;
  for (const f of buffers) {
    zip.addBuffer(f.data, f.path, { mtime });
    manifest.push({ path: f.path, sha256: sha256(f.data) });
  }
  // The trail streams through a hash into the archive; the manifest follows once it has passed.
  const hash = createHash("sha256");
  const through = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  through.on("end", () => {
    manifest.push({ path: "audit/events.csv", sha256: hash.digest("hex") });
    const body = {
      generatedAt: isoUtc(now),
      generatedBy: actor.email,
      period: report.period,
      sites: report.sites,
      verification: {
        ok: verification.ok,
        checked: verification.checked,
        firstBrokenId: verification.firstBrokenId,
      },
      checkpoints: {
        count: checkpoints.length,
        holding: checkpoints.filter((c) => c.ok).length,
        newest: newest ? { id: newest.id, eventId: newest.eventId, at: newest.at } : null,
      },
      files: manifest,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(body, null, 2)), "manifest.json", { mtime });
    zip.end();
  });
  const source = nodeStream(trail.body);
  source.on("error", (e) => through.destroy(e));
  source.pipe(through);
  zip.addReadStream(through, "audit/events.csv", { mtime });

  return {
    filename: `interlock-evidence-${siteLabel}-${stamp(scope.from)}-to-${stamp(new Date(scope.to.getTime() - 1))}.zip`,
    body: Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>,
    files: buffers.length + 2,
  };
}

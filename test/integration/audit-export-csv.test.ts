// The CSV export reads plain SQL and writes cells by hand (lib/services/audit/export-csv.ts). This
// holds it to the file the view-based path wrote through papaparse, byte for byte, for the values
// that make CSV hard: quotes, line breaks, formula starts (full-width too), nulls, unicode, and
// jsonb values that are strings, numbers or JSON-looking text.
import Papa from "papaparse";
import { and, lte, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { FORMULA_START } from "@/lib/csv/write";
import { actionLabel } from "@/lib/domain/labels";
import { exportAuditEvents } from "@/lib/services/audit";
import { createAsset } from "@/lib/services/assets/create";
import { auditFilter } from "@/lib/services/audit/conditions";
import { AUDIT_CSV_COLUMNS, auditCsvHeader } from "@/lib/services/audit/csv";
import { auditQuerySchema } from "@/lib/schemas/audit";
import { auditEventBatches } from "@/lib/services/audit/export-events";
import { auditCsvChunks } from "@/lib/services/audit/export-csv";
import type { AuditEventView } from "@/lib/services/audit/view";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

const TRICKY = [
  'He said "stop", then left',
  "two\nlines\r\nand a CR\r",
  '=HYPERLINK("http://evil","x")',
  "+1",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  "\uFF1D1+1",
  "\uFF0B1",
  "\uFF0D1",
  "\uFF20SUM(A1)",
  " edge spaces ",
  "Krüger ✓ 😀 \u2028 \uFEFFbom",
  "",
  "a,b",
];
/** Stored payloads, jsonb strings and bare values included (the view path parsed strings twice). */
const PAYLOADS: unknown[] = [
  null,
  { reason: TRICKY[0], lines: TRICKY[1], formula: TRICKY[2], nested: { "10": 1, "2": [null, true, -1.5] } },
  "-5",
  '"quoted"',
  '{"a": 1}',
  "=not json",
  42,
  false,
  ["x", { y: TRICKY[12] }],
];

let db: Db;
let auditor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  db = await useTestDatabase();
  const site = await makeSite("FXT", "Europe/Berlin");
  auditor = await makeUser(["FXT:auditor"]);
  const named = await makeUser(["FXT:requester"], { name: '=Krüger, "Sabine"' });
  const asset = await createAsset(named.actor, {
    siteCode: "FXT",
    areaCode: "u1",
    tag: "PLC-1",
    name: "Unit 1 PLC",
    kind: "plc",
    criticality: "production_critical",
    vendor: "Siemens",
    purdueLevel: 1,
  });
  const [head] = await db.select({ id: sql<number>`max(id)` }).from(auditEvents);
  const rows = TRICKY.map((text, i) => ({
    id: Number(head!.id) + 1 + i,
    at: new Date(Date.UTC(2027, 0, 1, 8, 0, 0, i * 7)),
    actorId: i % 3 === 0 ? named.id : null,
    actorEmail: i % 4 === 0 ? null : TRICKY[(i + 2) % TRICKY.length]!,
    action: i % 2 ? "change.update" : "asset.update",
    objectType: i % 5 === 0 ? "asset" : TRICKY[(i + 3) % TRICKY.length]!,
    objectId: i % 5 === 0 ? asset.id : i % 7 === 0 ? null : TRICKY[(i + 5) % TRICKY.length]!,
    siteId: i % 2 ? site.id : null,
    before: PAYLOADS[(i + 4) % PAYLOADS.length],
    after: PAYLOADS[i % PAYLOADS.length],
    reason: i % 6 === 0 ? null : text,
    ip: i % 8 === 0 ? null : "10.0.0.1",
    prevHash: "0".repeat(64),
    hash: `${i}`.padStart(64, "0"),
  }));
  // Jsonb strings go in as stored JSON text (drizzle would store the object for '{"a": 1}' too).
  for (const r of rows)
    await db.execute(sql`insert into audit_events (id, at, actor_id, actor_email, action, object_type, object_id,
        site_id, before, after, reason, ip, prev_hash, hash)
      values (${r.id}, ${r.at.toISOString()}, ${r.actorId}, ${r.actorEmail}, ${r.action}, ${r.objectType},
        ${r.objectId}, ${r.siteId}, ${JSON.stringify(r.before)}::jsonb, ${JSON.stringify(r.after)}::jsonb,
        ${r.reason}, ${r.ip}, ${r.prevHash}, ${r.hash})`);
});

/** The CSV as the view-based path wrote it before: views, then papaparse with the formula guard. */
async function viewPathCsv(upToId: number, batch: number, filter: SQL = sql`true`): Promise<string> {
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ""
      : typeof v === "number" || typeof v === "string"
        ? v
        : JSON.stringify(v);
  let out = auditCsvHeader();
  const where = and(filter, lte(auditEvents.id, upToId))!;
  for await (const events of auditEventBatches(db, where, upToId, batch)) {
    const value = (e: AuditEventView, c: (typeof AUDIT_CSV_COLUMNS)[number]) =>
      c === "actionLabel" ? actionLabel(e.action) : e[c];
    const lines = events.map((e) => AUDIT_CSV_COLUMNS.map((c) => cell(value(e, c)) ?? ""));
    out += `${Papa.unparse(lines, { escapeFormulae: FORMULA_START, newline: "\r\n" })}\r\n`;
  }
  return out;
}

async function fastPathCsv(upToId: number, batch: number): Promise<string> {
  let out = "";
  for await (const piece of auditCsvChunks(db, and(sql`true`, lte(auditEvents.id, upToId))!, upToId, batch))
    out += piece;
  return out;
}

describe("CSV export, plain-SQL path", () => {
  it("writes the same bytes as the view-based path, in any batch size", async () => {
    const [head] = await db.select({ id: sql<number>`max(id)` }).from(auditEvents);
    const upToId = Number(head!.id);
    const expected = await viewPathCsv(upToId, 4);
    // The tricky values are in it, defused and quoted, and labels resolved.
    expect(expected).toContain(`"'=Krüger, ""Sabine"""`);
    expect(expected).toContain(`"'\uFF0D1"`);
    expect(expected).toContain(",PLC-1,");
    for (const batch of [1, 4, 7, 2_000])
      expect(await fastPathCsv(upToId, batch), `batch ${batch}`).toBe(expected);
  });

  it("is what the export service streams", async () => {
    const file = await exportAuditEvents(auditor.actor, { site: "FXT" }, "csv");
    const text = await new Response(file.body).text();
    const { where } = await auditFilter(
      db,
      auditor.actor,
      auditQuerySchema.parse({ site: "FXT" }),
      "audit.export",
    );
    // Response.text() drops the byte-order mark the file starts with.
    expect(`\uFEFF${text}`).toBe(await viewPathCsv(file.upToId, 2_000, where));
    expect(text.split("\r\n").length).toBeGreaterThan(8);
  });
});

import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, auditCsv } from "./csv";
import type { AuditEventView } from "./view";

const event = (over: Partial<AuditEventView> = {}): AuditEventView => ({
  id: 7,
  at: "2026-03-14T08:00:00.000Z",
  siteCode: "GCR",
  timeZone: "America/Chicago",
  actorId: "0b7c7a38-8f3c-4f61-9a55-2f1f0d3c1a11",
  actorEmail: "grace.okafor@corp.demo",
  actorName: "Grace Okafor",
  action: "change.update",
  objectType: "change",
  objectId: "4a0e2c55-6d55-4a8b-8a3e-0c2b8a9f5d10",
  objectLabel: "CHG-2026-00042",
  reason: null,
  ip: "10.0.0.5",
  before: { title: "Old" },
  after: { title: "New" },
  hash: "ab".repeat(32),
  ...over,
});

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe("audit CSV", () => {
  it("starts with a byte-order mark and the header, one line per event", () => {
    const csv = auditCsv([event(), event({ id: 6 })]);
    expect(csv.startsWith("\uFEFFid,at,siteCode,")).toBe(true);
    const rows = parse(csv);
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe("7");
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("before")]).toBe('{"title":"Old"}');
  });

  it("quotes commas, quotes and line breaks so every field round-trips", () => {
    const reason = 'Vendor said "urgent", see ticket\nline two';
    const rows = parse(auditCsv([event({ reason, actorName: "Krüger, Sabine" })]));
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("reason")]).toBe(reason);
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("actorName")]).toBe("Krüger, Sabine");
  });

  it.each([
    // The whole list is lib/csv's; these show the audit export goes through it.
    ['=HYPERLINK("http://evil","x")'],
    ["=1+1\nsecond line"],
    ["\uFF1D1+1"],
  ])("neutralises a formula-looking cell: %j", (value) => {
    const rows = parse(auditCsv([event({ reason: value, actorEmail: value, objectId: value })]));
    for (const col of ["reason", "actorEmail", "objectId"] as const) {
      expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf(col)]).toBe(`'${value}`);
    }
  });

  it("leaves ordinary text, numbers and empty cells alone", () => {
    const rows = parse(auditCsv([event({ reason: "a = b", siteCode: null, before: null })]));
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("reason")]).toBe("a = b");
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("siteCode")]).toBe("");
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("before")]).toBe("");
    expect(rows[1]![AUDIT_CSV_COLUMNS.indexOf("id")]).toBe("7");
  });

  it("writes only the header for an empty export", () => {
    expect(parse(auditCsv([]))).toEqual([[...AUDIT_CSV_COLUMNS]]);
  });
});

describe("audit CSV in batches", () => {
  it("concatenates header and batches into the same file as one piece", async () => {
    const { auditCsvHeader, auditCsvRows } = await import("./csv");
    const a = [event({ id: 9 }), event({ id: 8 })];
    const b = [event({ id: 7, reason: "two\nlines" })];
    expect(auditCsvHeader() + auditCsvRows(a) + auditCsvRows(b)).toBe(auditCsv([...a, ...b]));
    expect(auditCsvRows([])).toBe("");
    expect(auditCsvHeader()).toBe(`\uFEFF${AUDIT_CSV_COLUMNS.join(",")}\r\n`);
    expect(parse(auditCsvRows(a))[0]![AUDIT_CSV_COLUMNS.indexOf("actionLabel")]).toBe("Change edited");
  });
});

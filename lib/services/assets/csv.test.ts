import { describe, expect, it } from "vitest";
import { assetCsvRowSchema } from "@/lib/schemas/assets";
import { MAX_IMPORT_ROWS, importTemplateCsv, parseAssetCsv } from "./csv";

const HEADER =
  "tag,name,kind,areaCode,vendor,product,modelNumber,version,purdueLevel,zone,criticality,safetyRelated,gxp,redundancyGroup";
const GOOD =
  "PLC-201A,Reactor PLC A,plc,U1,Siemens,SIMATIC S7-1500,6ES7511-1AL03-0AB0,V3.1.2,1,Control,production_critical,no,yes,R201";

const row = (over: Record<string, string> = {}) => ({
  tag: "PLC-201A",
  name: "Reactor PLC A",
  kind: "plc",
  areaCode: "",
  vendor: "",
  product: "",
  modelNumber: "",
  version: "",
  purdueLevel: "",
  zone: "",
  criticality: "supporting",
  safetyRelated: "",
  gxp: "",
  exposure: "",
  redundancyGroup: "",
  ...over,
});

describe("CSV row schema", () => {
  it.each([
    ["yes", true],
    ["YES", true],
    ["y", true],
    ["true", true],
    ["True", true],
    ["1", true],
    ["no", false],
    ["N", false],
    ["false", false],
    ["0", false],
    ["", false],
    ["  yes ", true],
  ])("reads safetyRelated %j as %s", (cell, expected) => {
    const r = assetCsvRowSchema.safeParse(row({ safetyRelated: cell, gxp: cell }));
    expect(r.success && r.data.safetyRelated).toBe(expected);
    expect(r.success && r.data.gxp).toBe(expected);
  });

  it.each([
    ["0", 0],
    ["1", 1],
    ["3.5", 3.5],
    ["5", 5],
    ["", null],
    [" 2 ", 2],
  ])("reads purdueLevel %j as %s", (cell, expected) => {
    const r = assetCsvRowSchema.safeParse(row({ purdueLevel: cell }));
    expect(r.success ? r.data.purdueLevel : "failed").toBe(expected);
  });

  it.each([
    ["kind", "plc", "plc"],
    ["kind", "PLC", "plc"],
    ["kind", "DCS controller", "dcs_controller"],
    ["kind", "sis_logic_solver", "sis_logic_solver"],
    ["criticality", "Safety-critical", "safety_critical"],
    ["criticality", "production_critical", "production_critical"],
    ["areaCode", "u1", "U1"],
    ["areaCode", "", null],
    ["exposure", "", "plant_network"], // blank, or a file from before the column, is the plant network
    ["exposure", "internet_facing", "internet_facing"],
    ["exposure", "Remote access", "remote_access"],
    ["exposure", " ISOLATED ", "isolated"],
    ["redundancyGroup", "", null],
    ["redundancyGroup", "R-201", "R-201"],
    ["tag", " FW-DMZ/01 ", "FW-DMZ/01"],
  ])("normalises %s %j to %j", (column, cell, expected) => {
    const r = assetCsvRowSchema.safeParse(row({ [column]: cell }));
    expect(r.success ? (r.data as Record<string, unknown>)[column] : r.error.issues[0]?.message).toEqual(
      expected,
    );
  });

  it.each([
    ["tag", "", /Tag is required/],
    ["tag", "PLC 201", /letters and digits/],
    ["tag", "-PLC", /letters and digits/],
    ["tag", "P".repeat(41), /at most 40/],
    ["name", "", /Name is required/],
    ["name", "x".repeat(121), /at most 120/],
    ["kind", "robot", /Kind must be one of/],
    ["kind", "", /Kind must be one of/],
    ["criticality", "very", /Criticality must be one of/],
    ["purdueLevel", "6", /Purdue level must be one of/],
    ["purdueLevel", "2.5", /Purdue level must be one of/],
    ["purdueLevel", "three", /Purdue level must be one of/],
    ["purdueLevel", "3,5", /Purdue level must be one of/],
    ["safetyRelated", "maybe", /Safety-related must be yes\/no/],
    ["gxp", "2", /GxP must be yes\/no/],
    ["exposure", "public", /Exposure must be one of isolated, plant_network, remote_access, internet_facing/],
    ["areaCode", "bad area", /letters, digits/],
    ["vendor", "v".repeat(81), /at most 80/],
    ["version", "1\u00002", /control characters/],
  ])("refuses %s %j", (column, cell, message) => {
    const r = assetCsvRowSchema.safeParse(row({ [column]: cell }));
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === column);
    expect(issue?.message).toMatch(message);
  });
});

describe("parseAssetCsv", () => {
  it("reads the exposure column, by code or label, and defaults a file without it", () => {
    const withColumn = parseAssetCsv(`${HEADER},exposure\n${GOOD},Internet-facing\n`, "GCR");
    expect(withColumn.errors).toEqual([]);
    expect(withColumn.rows[0]!.row.exposure).toBe("internet_facing");
    expect(parseAssetCsv(`${HEADER}\n${GOOD}\n`, "GCR").rows[0]!.row.exposure).toBe("plant_network");
  });

  it("accepts a good file and counts the header as line 1", () => {
    const p = parseAssetCsv(`${HEADER}\n${GOOD}\n${GOOD.replace("PLC-201A", "PLC-201B")}\n`, "GCR");
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.line, r.row.tag])).toEqual([
      [2, "PLC-201A"],
      [3, "PLC-201B"],
    ]);
    expect(p.rows[0]!.row).toMatchObject({
      kind: "plc",
      areaCode: "U1",
      purdueLevel: 1,
      safetyRelated: false,
      gxp: true,
      redundancyGroup: "R201",
    });
  });

  it("names the physical line even after blank lines, CRLF and quoted values", () => {
    const text = `${HEADER}\r\n\r\n"PLC-1","Name, with comma",plc,,,,,,,,supporting,,,\r\n  \r\nPLC-2,Bad,robot,,,,,,,,supporting,,,\r\n`;
    const p = parseAssetCsv(text, "GCR");
    expect(p.rows.map((r) => r.line)).toEqual([3]);
    expect(p.rows[0]!.row.name).toBe("Name, with comma");
    expect(p.errors).toEqual([
      { line: 5, column: "kind", message: expect.stringMatching(/Kind must be one of/) },
    ]);
  });

  it("reports every bad cell of every row, by line and column as written in the header", () => {
    const header = "Tag,Name,Kind,Area,Purdue level,Criticality,Safety related";
    const text = [
      header,
      "PLC-1,A,plc,U1,3.5,supporting,yes",
      "PLC 2,,robot,U1,7,none,maybe",
      "PLC-3,C,hmi,U1,2,supporting,no",
    ].join("\n");
    const p = parseAssetCsv(text, "GCR");
    expect(p.errors).toEqual([
      { line: 3, column: "Tag", message: expect.stringMatching(/letters and digits/) },
      { line: 3, column: "Name", message: "Name is required." },
      { line: 3, column: "Kind", message: expect.stringMatching(/Kind must be one of/) },
      { line: 3, column: "Purdue level", message: expect.stringMatching(/Purdue level/) },
      { line: 3, column: "Criticality", message: expect.stringMatching(/Criticality/) },
      { line: 3, column: "Safety related", message: expect.stringMatching(/Safety-related/) },
    ]);
    expect(p.rows.map((r) => r.row.tag)).toEqual(["PLC-1", "PLC-3"]);
    expect(p.rows[0]!.row.purdueLevel).toBe(3.5);
    expect(p.cells.map((c) => c.line)).toEqual([2, 3, 4]);
  });

  it("refuses unknown, repeated and missing columns on line 1 without reporting every row", () => {
    const p = parseAssetCsv("tag,name,colour,tag\nPLC-1,A,red,PLC-1\n", "GCR");
    expect(p.errors).toEqual([
      { line: 1, column: "colour", message: expect.stringMatching(/Unknown column "colour"/) },
      { line: 1, column: "tag", message: expect.stringMatching(/appears twice/) },
      { line: 1, column: "kind", message: "Required column kind is missing." },
      { line: 1, column: "criticality", message: "Required column criticality is missing." },
    ]);
    expect(p.rows).toEqual([]);
  });

  it("finds tags repeated within the file, case-insensitively", () => {
    const p = parseAssetCsv(
      [
        "tag,name,kind,criticality",
        "PLC-1,A,plc,supporting",
        "HMI-1,B,hmi,supporting",
        "plc-1,C,plc,supporting",
      ].join("\n"),
      "GCR",
    );
    expect(p.errors).toEqual([
      { line: 4, column: "tag", message: "Tag plc-1 already appears on line 2 of this file." },
    ]);
  });

  it("refuses rows with the wrong number of values and unclosed quotes", () => {
    const p = parseAssetCsv(
      ["tag,name,kind,criticality", "PLC-1,A,plc", "PLC-2,A,plc,supporting,extra"].join("\n"),
      "GCR",
    );
    expect(p.errors).toEqual([
      { line: 2, column: "(row)", message: "The row has 3 values; the header has 4 columns." },
      { line: 3, column: "(row)", message: "The row has 5 values; the header has 4 columns." },
    ]);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(parseAssetCsv("", "GCR").errors[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/empty/),
    });
    expect(parseAssetCsv("tag,name,kind,criticality\n", "GCR").errors).toEqual([
      { line: 2, column: "(file)", message: "The file has no data rows." },
    ]);
  });

  it("refuses more rows than one import may hold", () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `T-${i},A,plc,supporting`);
    const p = parseAssetCsv(["tag,name,kind,criticality", ...rows].join("\n"), "GCR");
    expect(p.errors[0]?.message).toMatch(/at most 5000/);
  });

  it("reads semicolon files with a BOM, as spreadsheets in many locales save them", () => {
    const p = parseAssetCsv(
      "\uFEFFtag;name;kind;criticality;purdueLevel\nPLC-1;A;plc;supporting;3.5\n",
      "GCR",
    );
    expect(p.errors).toEqual([]);
    expect(p.rows[0]!.row).toMatchObject({ tag: "PLC-1", purdueLevel: 3.5 });
  });

  it("accepts a siteCode column only when it names the import's site", () => {
    const p = parseAssetCsv(
      ["siteCode,tag,name,kind,criticality", "gcr,PLC-1,A,plc,supporting", "RHP,PLC-2,A,plc,supporting"].join(
        "\n",
      ),
      "GCR",
    );
    expect(p.errors).toEqual([
      { line: 3, column: "siteCode", message: "This import is for site GCR; the row names site RHP." },
    ]);
  });

  it("takes back the apostrophe the export puts before formula-like text", () => {
    const p = parseAssetCsv("tag,name,kind,criticality,zone\nPLC-1,'=Reactor,plc,supporting,'-DMZ\n", "GCR");
    expect(p.rows[0]!.row).toMatchObject({ name: "=Reactor", zone: "-DMZ" });
  });

  it("validates its own template", () => {
    const p = parseAssetCsv(importTemplateCsv(), "GCR");
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(1);
  });
});

import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { FILE_COLUMN, cellPath, normaliseHeader, readCsvHeader, readCsvRecords, readCsvTable } from "./read";
import { CSV_BOM, FORMULA_START, safeCsvLines, toSafeCsv, unescapeFormula } from "./write";

describe("readCsvRecords", () => {
  it("keeps the physical line of each record across quoted line breaks and blank lines", () => {
    const text = 'a,b\n1,"two\nlines"\n\n   \n3,x\n';
    expect(readCsvRecords(text)).toEqual([
      { line: 1, cells: ["a", "b"], error: undefined },
      { line: 2, cells: ["1", "two\nlines"], error: undefined },
      { line: 6, cells: ["3", "x"], error: undefined },
    ]);
  });

  it.each([
    ["CRLF", "a,b\r\n1,2\r\n3,4\r\n"],
    ["CR", "a,b\r1,2\r3,4"],
    ["semicolons with a byte-order mark", "\uFEFFa;b\n1;2\n3;4\n"],
    ["tabs", "a\tb\n1\t2\n3\t4\n"],
  ])("reads %s files alike", (_name, text) => {
    expect(readCsvRecords(text).map((r) => [r.line, ...r.cells])).toEqual([
      [1, "a", "b"],
      [2, "1", "2"],
      [3, "3", "4"],
    ]);
  });

  it("marks a record whose quote is never closed", () => {
    const recs = readCsvRecords('a,b\n1,"open\n');
    expect(recs[1]?.error).toBe("A quoted value is not closed properly.");
  });

  it("skips rows that hold only separators, and counts them", () => {
    expect(readCsvRecords('a,b\n,\n"",""\n;;\n1,2\n').map((r) => [r.line, ...r.cells])).toEqual([
      [1, "a", "b"],
      [4, ";;"],
      [5, "1", "2"],
    ]);
  });
});

describe("readCsvHeader", () => {
  it.each(["Model number", "model_number", "MODEL-NUMBER", " model.number "])("normalises %j", (h) => {
    expect(normaliseHeader(h)).toBe("modelnumber");
  });

  it("maps known columns and reports unknown, repeated and missing ones with the file's spelling", () => {
    const known = new Map([
      ["tag", "tag"],
      ["modelnumber", "modelNumber"],
      ["name", "name"],
    ] as const);
    const h = readCsvHeader(
      { line: 1, cells: ["Tag", "Model number", "colour", "TAG"] },
      (k) => known.get(k as "tag"),
      ["tag", "name"],
      ["tag", "modelNumber", "name"],
    );
    expect(h.columns).toEqual(["tag", "modelNumber", null, "tag"]);
    expect(h.name("modelNumber")).toBe("Model number");
    expect(h.errors).toEqual([
      { line: 1, column: "colour", message: 'Unknown column "colour". Expected: tag, modelNumber, name.' },
      { line: 1, column: "TAG", message: "Column tag appears twice (columns 1 and 4)." },
      { line: 1, column: "name", message: "Required column name is missing." },
    ]);
  });
});

describe("readCsvTable (the checks every import makes before reading a row)", () => {
  const spec = {
    columnOf: (k: string) => (["tag", "name"] as const).find((c) => c === k),
    required: ["tag"] as const,
    expected: ["tag", "name"],
    maxRows: 2,
  };

  it("refuses an empty file, naming the columns its first line must hold", () => {
    expect(readCsvTable("\n\n", spec)).toEqual({
      header: null,
      records: [],
      errors: [
        {
          line: 1,
          column: FILE_COLUMN,
          message: "The file is empty; its first line must name the columns: tag, name.",
        },
      ],
    });
  });

  it("refuses a header without data rows on the line after it", () => {
    expect(readCsvTable("tag,name\n", spec).errors).toEqual([
      { line: 2, column: FILE_COLUMN, message: "The file has no data rows." },
    ]);
  });

  it("refuses more rows than allowed on the first one too many, with the header's own problems", () => {
    const t = readCsvTable("tag,colour\nA,red\nB,blue\nC,green\n", spec);
    expect(t.errors).toEqual([
      { line: 1, column: "colour", message: 'Unknown column "colour". Expected: tag, name.' },
      { line: 4, column: FILE_COLUMN, message: "The file has 3 rows; import at most 2 at a time." },
    ]);
    expect(t.records.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it("hands back the header and the records of a good file", () => {
    const t = readCsvTable("Name;TAG\nPump;P-1\n", spec);
    expect(t.errors).toEqual([]);
    expect(t.header?.index.get("tag")).toBe(1);
    expect(t.header?.name("tag")).toBe("TAG");
    expect(t.records).toEqual([{ line: 2, cells: ["Pump", "P-1"], error: undefined }]);
    expect(cellPath({ line: 2, column: "TAG", message: "" })).toBe("line 2 · TAG");
  });
});

describe("formula guard (every export)", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")'],
    ["+1+cmd|' /C calc'!A0"],
    ["-2+3"],
    ["@SUM(A1:A2)"],
    ["\t=1+1"],
    ["\r=1+1"],
    ["\n=1+1"],
    ["=1+1\nsecond line"],
    ["\uFF1D1+1"],
    ["\uFF0B1"],
    ["\uFF0D1"],
    ["\uFF20SUM(A1)"],
  ])("defuses %j in records and in bare lines, and an import takes the apostrophe back", (value) => {
    const csv = toSafeCsv(["name"], [{ name: value }]);
    expect(Papa.parse<string[]>(csv).data[1]?.[0]).toBe(`'${value}`);
    expect(Papa.parse<string[]>(safeCsvLines([[value, 1]])).data[0]).toEqual([`'${value}`, "1"]);
    expect(unescapeFormula(`'${value}`)).toBe(value);
  });

  it.each(["PLC-201A", "a = b", "3.5", "", "'quoted"])("leaves %j alone", (value) => {
    expect(FORMULA_START.test(value)).toBe(false);
    expect(Papa.parse<string[]>(toSafeCsv(["v"], [{ v: value }])).data[1]?.[0] ?? "").toBe(value);
    expect(unescapeFormula(value)).toBe(value);
  });

  it("leaves numbers alone, quotes what needs quoting and joins lines with CRLF", () => {
    const csv = toSafeCsv(
      ["tag", "purdueLevel", "name"],
      [{ tag: "FW-1", purdueLevel: 3.5, name: 'Say "hi", then' }],
    );
    expect(csv).toBe('tag,purdueLevel,name\r\nFW-1,3.5,"Say ""hi"", then"');
    expect(safeCsvLines([])).toBe("");
    expect(
      safeCsvLines([
        ["a", null],
        ["b", -1],
      ]),
    ).toBe("a,\r\nb,-1");
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("the hand-written writer is papaparse's unparse, byte for byte", () => {
  // Every awkward kind of cell: formula starts (full-width too), quotes, delimiters, line breaks,
  // edge spaces, a BOM, nulls, numbers, booleans, unicode beyond the BMP.
  const cells: (string | number | boolean | null | undefined)[] = [
    ...["=1", "+1", "-1", "@x", "\t1", "\r1", "\n1", "\uFF1D1", "\uFF0B1", "\uFF0D1", "\uFF20x"],
    ...['say "hi"', '"', '""', "a,b", ",", "two\nlines", "cr\rlf", "crlf\r\n", " lead", "trail ", " "],
    ...["\uFEFFbom", "mid\uFEFFbom", "Krüger", "😀 ✓ \u2028", "'quoted", "a = b", "", '="q",\n'],
    ...[null, undefined, 0, -1, 3.5, 1e21, -0, true, false],
  ];
  const papa = { escapeFormulae: FORMULA_START, newline: "\r\n" };

  it("for each cell alone and all cells in one line", () => {
    for (const c of cells)
      expect(safeCsvLines([[c]]), JSON.stringify(c)).toBe(Papa.unparse([[c ?? ""]], papa));
    const row = cells.map((c) => c ?? "");
    expect(safeCsvLines([cells, [...cells].reverse(), []])).toBe(
      Papa.unparse([row, [...row].reverse(), []], papa),
    );
  });

  it("for records under a header, and for a header alone", () => {
    const columns = cells.map((_, i) => `c${i}`);
    const record = Object.fromEntries(cells.map((c, i) => [`c${i}`, c]));
    const data = [columns.map((c) => record[c] ?? "")];
    expect(toSafeCsv(columns, [record, record])).toBe(
      Papa.unparse({ fields: columns, data: [...data, ...data] }, papa),
    );
    expect(toSafeCsv(["=a", "b"], [])).toBe(Papa.unparse({ fields: ["=a", "b"], data: [] }, papa));
  });
});

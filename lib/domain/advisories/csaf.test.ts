import { describe, expect, it } from "vitest";
import { CsafReadError, readCsaf } from "./csaf";
import { partNumbersInName } from "./product-tree";
import { SAMPLE_CSAF } from "./test-fixtures";

const a = readCsaf(SAMPLE_CSAF);
const leaf = (id: string) => a.products.find((p) => p.productId === id);

describe("readCsaf: document facts", () => {
  it("reads tracking, publisher, dates in UTC, TLP and summary", () => {
    expect({
      trackingId: a.trackingId,
      revision: a.revision,
      title: a.title,
      publisher: a.publisher,
      initial: a.initialReleaseDate,
      current: a.currentReleaseDate,
      tlp: a.tlp,
      summary: a.summary,
      vendors: a.vendors,
    }).toEqual({
      trackingId: "ICSA-99-001-01",
      revision: "2",
      title: "Siemens SIMATIC S7-1500 and SCALANCE",
      publisher: { name: "CISA", namespace: "https://www.cisa.gov/", category: "coordinator" },
      initial: "2023-01-12T12:00:00.000Z",
      current: "2023-02-01T00:00:00.000Z",
      tlp: "WHITE",
      summary: "Successful exploitation could allow code execution.",
      vendors: ["Siemens"],
    });
  });

  it("reads CVEs with CWE, the highest CVSS v3 score and vector, and remediations", () => {
    const [v1, v2] = a.vulnerabilities;
    expect(v1).toMatchObject({
      key: "CVE-2023-0001",
      cve: "CVE-2023-0001",
      cwe: { id: "CWE-20", name: "Improper Input Validation" },
      cvss: { baseScore: 9.8, vector: "CVSS:3.1/AV:N", baseSeverity: "CRITICAL", version: "3.1" },
    });
    expect(v1!.remediations).toEqual([
      {
        category: "vendor_fix",
        categoryRaw: "vendor_fix",
        details: "Update to V3.0.1 or later.",
        url: "https://x/y",
        productIds: ["P1", "P4"],
      },
      {
        category: "mitigation",
        categoryRaw: "Mitigation",
        details: "Block port 102.",
        url: null,
        productIds: ["P2", "P1"],
      },
      {
        category: "other",
        categoryRaw: "reboot_required",
        details: "Restart.",
        url: null,
        productIds: ["P2"],
      },
    ]);
    expect(v2).toMatchObject({ key: "#2", cve: null, cwe: null, cvss: null, remediations: [] });
  });

  it("keeps document and vulnerability references once each", () => {
    expect(a.references.map((r) => r.url)).toEqual([
      "https://www.cisa.gov/icsa-99-001-01",
      "https://www.cve.org/CVERecord?id=CVE-2023-0001",
    ]);
  });

  it("warns about a status for a product the tree does not have", () => {
    expect(a.warnings).toEqual([
      "#2 lists product NOPE as known_affected, but the product tree has no such product.",
    ]);
  });
});

describe("readCsaf: product leaves", () => {
  it("reads branch leaves, full_product_names and relationships, in document order", () => {
    expect(a.products.map((p) => p.productId)).toEqual(["P1", "P2", "P3", "P4", "P5", "P7"]);
  });

  it("keeps vendor, family, product name, model numbers and the range text", () => {
    expect(leaf("P1")).toMatchObject({
      vendor: "Siemens",
      family: "SIMATIC S7-1500",
      productName: "CPU 1518-4 PN/DP (6ES7518-4AP00-0AB0)",
      modelNumbers: ["6ES7518-4AP00-0AB0"],
      versionText: "vers:all/<V3.0.1",
      version: { kind: "constraints", constraints: [{ op: "<", version: "V3.0.1" }] },
      statuses: [{ vulnerability: "CVE-2023-0001", status: "known_affected" }],
    });
    expect(leaf("P3")).toMatchObject({
      versionText: "V4.1.5",
      version: { kind: "exact", version: "V4.1.5" },
      statuses: [{ vulnerability: "CVE-2023-0001", status: "fixed" }],
    });
  });

  it("reports a range it cannot read as unparsed, keeping the text", () => {
    expect(leaf("P4")?.version).toMatchObject({ kind: "unparsed", raw: "< 3.3 SP1 3.x" });
  });

  it("reads a bare full product name without vendor or version", () => {
    expect(leaf("P5")).toMatchObject({
      vendor: null,
      productName: "SINEC NMS",
      version: { kind: "none" },
      statuses: [
        { vulnerability: "CVE-2023-0001", status: "known_affected" },
        { vulnerability: "#2", status: "under_investigation" },
      ],
    });
  });

  it("gives a relationship leaf its component's product and version", () => {
    expect(leaf("P7")).toMatchObject({
      fullName: "SCALANCE X308-2 V4.1.4 on SIPLUS NET",
      vendor: "Siemens",
      productName: "SCALANCE X308-2",
      versionText: "V4.1.4",
      relationship: { category: "installed_on", relatesTo: "P6", relatesToName: null },
    });
  });
});

describe("readCsaf: defensive", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["an array", []],
    ["no document", { product_tree: {} }],
    ["no tracking id", { document: { tracking: {} } }],
  ])("refuses %s with a CsafReadError", (_n, doc) => {
    expect(() => readCsaf(doc)).toThrow(CsafReadError);
  });

  it("reads a skeleton without product tree or vulnerabilities", () => {
    const r = readCsaf({
      document: { tracking: { id: "X-1", initial_release_date: "yesterday" }, title: 5 },
    });
    expect(r).toMatchObject({
      trackingId: "X-1",
      title: "X-1",
      revision: "",
      products: [],
      vulnerabilities: [],
    });
    expect(r.warnings).toContain("`tracking.initial_release_date` is missing or not a date.");
  });

  it("skips malformed branches and warns", () => {
    const r = readCsaf({
      document: { tracking: { id: "X-2" } },
      product_tree: {
        branches: [null, { category: "vendor", name: "ABB", branches: [{ product: { name: "n" } }] }],
      },
    });
    expect(r.products).toEqual([]);
    expect(r.warnings).toContain('A product under "" has no product_id and was not read.');
  });
});

describe("partNumbersInName", () => {
  it.each<[string, string, string[]]>([
    ["CPU 1518-4 PN/DP (6ES7518-4AP00-0AB0)", "CPU 1518-4 PN/DP", ["6ES7518-4AP00-0AB0"]],
    ["Modicon M340 CPU (part numbers BMXP34*)", "Modicon M340 CPU", ["BMXP34*"]],
    ["Modicon M580 CPU (part numbers BMEP* and BMEH*)", "Modicon M580 CPU", ["BMEP*", "BMEH*"]],
    ["Modicon MC80 (BMKC80)", "Modicon MC80", ["BMKC80"]],
    [
      "SCALANCE XR324-12M (230V, ports on front) (6GK5324-0GG00-3AR2)",
      "SCALANCE XR324-12M (230V, ports on front)",
      ["6GK5324-0GG00-3AR2"],
    ],
    ["SCALANCE XR324-12M TS (24V)", "SCALANCE XR324-12M TS (24V)", []],
  ])("%s", (name, base, parts) => {
    expect(partNumbersInName(name)).toEqual({ base, partNumbers: parts });
  });
});

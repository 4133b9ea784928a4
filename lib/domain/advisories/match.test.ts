import { describe, expect, it } from "vitest";
import { readCsaf } from "./csaf";
import { matchAssets } from "./match";
import { asset, SAMPLE_CSAF } from "./test-fixtures";
import type { MatchableAsset, MatchRule, MatchStatus } from "./types";

const advisory = readCsaf(SAMPLE_CSAF);

// A small plant inventory; each row: the asset, then status, rule and the leaf that decides.
const INVENTORY: [string, Partial<MatchableAsset>, MatchStatus, MatchRule, string[]][] = [
  [
    "order number, version in range",
    { product: "S7-1500", modelNumber: "6ES7518-4AP00-0AB0", version: "V2.9.4" },
    "affected",
    "model_number",
    ["CVE-2023-0001"],
  ],
  [
    "order number written with spaces",
    { product: "PLC", modelNumber: "6ES7 518-4AP00-0AB0", version: "2.8" },
    "affected",
    "model_number",
    ["CVE-2023-0001"],
  ],
  [
    "order number, fixed version",
    { product: "S7-1500", modelNumber: "6ES7518-4AP00-0AB0", version: "V3.0.1" },
    "not_affected",
    "model_number",
    [],
  ],
  [
    "order number, no version recorded",
    { product: "S7-1500", modelNumber: "6ES7518-4AP00-0AB0", version: "" },
    "unknown",
    "model_number",
    ["CVE-2023-0001"],
  ],
  [
    "family + product name with the CPU as model",
    { product: "SIMATIC S7-1500", modelNumber: "CPU 1518-4 PN/DP", version: "V2.0" },
    "affected",
    "product_name",
    ["CVE-2023-0001"],
  ],
  [
    "same name, different order number",
    { product: "SIMATIC S7-1500 CPU 1518-4 PN/DP", modelNumber: "6ES7518-4AP00-9ZZ9", version: "V2.0" },
    "unknown",
    "product_name",
    ["CVE-2023-0001"],
  ],
  [
    "placeholder x in the advisory's order number",
    { product: "Open Controller", modelNumber: "6ES7677-2DA41-0AA0", version: "3.2" },
    "unknown", // the range "< 3.3 SP1 3.x" cannot be read
    "model_number",
    ["CVE-2023-0001"],
  ],
  [
    "exact affected version by name",
    { vendor: "SIEMENS", product: "Scalance X308-2", version: "4.1.4" },
    "affected",
    "product_name",
    ["CVE-2023-0001"],
  ],
  [
    "the fixed version by name",
    { vendor: "Siemens", product: "SCALANCE X308-2", version: "V4.1.5" },
    "not_affected",
    "product_name",
    [],
  ],
  [
    "a version the advisory does not list",
    { vendor: "Siemens", product: "SCALANCE X308-2", version: "V4.2" },
    "not_affected",
    "product_name",
    [],
  ],
  [
    "bare full product name, no versions given",
    { vendor: "Siemens Aktiengesellschaft", product: "SINEC NMS", version: "1.0" },
    "affected",
    "product_name",
    ["#2", "CVE-2023-0001"], // also under investigation for the vulnerability without a CVE id
  ],
  [
    "less specific product text",
    { product: "SIMATIC S7-1500", version: "V2.0" },
    "unknown",
    "product_less_specific",
    ["CVE-2023-0001"],
  ],
  [
    "another Siemens product",
    { product: "SIMATIC S7-300", modelNumber: "6ES7315-2EH14-0AB0", version: "3.3" },
    "not_affected",
    "not_listed",
    [],
  ],
];

describe("matchAssets: a small inventory", () => {
  const assets = INVENTORY.map(([, a]) => asset(a));
  const other = asset({ vendor: "Rockwell Automation", product: "ControlLogix 5580", version: "33" });
  const matches = matchAssets(advisory, [...assets, other]);

  it("lists only assets of the advisory's vendors", () => {
    expect(matches.map((m) => m.asset.id)).toEqual(assets.map((a) => a.id));
  });

  it.each(INVENTORY.map((row, i) => [row[0], i, row[2], row[3], row[4]] as const))(
    "%s",
    (_name, i, status, rule, cves) => {
      const m = matches[i]!;
      expect([m.status, m.rule, m.vulnerabilities]).toEqual([status, rule, cves]);
    },
  );

  it("explains itself: leaf, rule and comparison", () => {
    expect(matches[0]!.reason).toBe(
      'Affected: order number 6ES7518-4AP00-0AB0 is listed for "Siemens SIMATIC S7-1500 CPU 1518-4 PN/DP <V3.0.1" (P1); V2.9.4: < V3.0.1 (range vers:all/<V3.0.1).',
    );
    expect(matches[3]!.reason).toBe(
      'Unknown: order number 6ES7518-4AP00-0AB0 is listed for "Siemens SIMATIC S7-1500 CPU 1518-4 PN/DP <V3.0.1" (P1); no version is recorded on the asset.',
    );
    expect(matches[12]!.reason).toBe(
      "Not listed: SIMATIC S7-300 6ES7315-2EH14-0AB0 matches none of the advisory's products by order number or name.",
    );
  });

  it("records every leaf considered with its own verdict", () => {
    expect(matches[8]!.leaves.map((l) => [l.productId, l.status])).toEqual([
      ["P2", "not_affected"],
      ["P3", "not_affected"],
      ["P7", "not_affected"],
    ]);
  });
});

describe("matchAssets: vendors and wildcards", () => {
  const schneider = readCsaf({
    document: { tracking: { id: "ICSA-X" } },
    product_tree: {
      branches: [
        {
          category: "vendor",
          name: "Schneider Electric ",
          branches: [
            {
              category: "product_name",
              name: "Modicon M340 CPU (part numbers BMXP34*)",
              branches: [
                {
                  category: "product_version_range",
                  name: "vers:all/*",
                  product: { product_id: "S1", name: "M340" },
                },
              ],
            },
          ],
        },
      ],
    },
    vulnerabilities: [{ cve: "CVE-2022-45789", product_status: { known_affected: ["S1"] } }],
  });

  it.each<[string, Partial<MatchableAsset>, MatchStatus | "absent"]>([
    [
      "part-number pattern, no version needed for all versions",
      { vendor: "Schneider", modelNumber: "BMXP342020" },
      "affected",
    ],
    [
      "vendor with legal suffix",
      { vendor: "Schneider Electric SE", modelNumber: "BMX P34 1000" },
      "affected",
    ],
    ["pattern does not fit", { vendor: "Schneider Electric", modelNumber: "BMEP584040" }, "not_affected"],
    ["another vendor with the same model", { vendor: "Siemens", modelNumber: "BMXP342020" }, "absent"],
    ["no vendor recorded", { vendor: "", modelNumber: "BMXP342020" }, "absent"],
  ])("%s", (_n, a, expected) => {
    const m = matchAssets(schneider, [asset(a)]);
    expect(m[0]?.status ?? "absent").toBe(expected);
  });
});

describe("matchAssets: every reason speaks of its own asset", () => {
  it("does not reuse another asset's words for the same leaf and version", () => {
    const [a, b] = matchAssets(advisory, [
      asset({ product: "SCALANCE X308-2", modelNumber: "6GK5308-2FL10-2AA3", version: "4.1.4" }),
      asset({ product: "SCALANCE X308-2", modelNumber: "6GK5308-2FL00-2AA3", version: "4.1.4" }),
    ]);
    expect([a!.status, b!.status]).toEqual(["affected", "affected"]);
    expect(a!.reason).toContain("6GK5308-2FL10-2AA3");
    expect(b!.reason).toContain("6GK5308-2FL00-2AA3");
  });
});

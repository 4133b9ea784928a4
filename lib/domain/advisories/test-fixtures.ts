// A small hand-written CSAF document covering every product_tree form the reader knows, and an
// asset builder, shared by the advisory tests.
import type { MatchableAsset } from "./types";

const product = (id: string, name: string, models?: string[]) => ({
  product_id: id,
  name,
  ...(models ? { product_identification_helper: { model_numbers: models } } : {}),
});

export const SAMPLE_CSAF = {
  document: {
    category: "csaf_security_advisory",
    csaf_version: "2.0",
    title: "Siemens SIMATIC S7-1500 and SCALANCE",
    publisher: { name: "CISA", namespace: "https://www.cisa.gov/", category: "coordinator" },
    distribution: { tlp: { label: "WHITE", url: "https://us-cert.cisa.gov/tlp/" } },
    notes: [{ category: "summary", text: "Successful exploitation could allow code execution." }],
    references: [
      {
        category: "self",
        summary: "ICS Advisory ICSA-99-001-01",
        url: "https://www.cisa.gov/icsa-99-001-01",
      },
    ],
    tracking: {
      id: "ICSA-99-001-01",
      version: "2",
      initial_release_date: "2023-01-12T07:00:00-05:00",
      current_release_date: "2023-02-01T00:00:00Z",
      status: "final",
      revision_history: [],
    },
  },
  product_tree: {
    branches: [
      {
        category: "vendor",
        name: "Siemens",
        branches: [
          {
            category: "product_family",
            name: "SIMATIC S7-1500",
            branches: [
              {
                category: "product_name",
                name: "CPU 1518-4 PN/DP (6ES7518-4AP00-0AB0)",
                branches: [
                  {
                    category: "product_version_range",
                    name: "vers:all/<V3.0.1",
                    product: product("P1", "Siemens SIMATIC S7-1500 CPU 1518-4 PN/DP <V3.0.1", [
                      "6ES7518-4AP00-0AB0",
                    ]),
                  },
                ],
              },
            ],
          },
          {
            category: "product_name",
            name: "SCALANCE X308-2",
            branches: [
              {
                category: "product_version",
                name: "V4.1.4",
                product: product("P2", "SCALANCE X308-2 V4.1.4"),
              },
              {
                category: "product_version",
                name: "V4.1.5",
                product: product("P3", "SCALANCE X308-2 V4.1.5"),
              },
            ],
          },
          {
            category: "product_name",
            name: "SIMATIC ET 200SP Open Controller",
            branches: [
              {
                category: "product_version_range",
                name: "< 3.3 SP1 3.x",
                product: product("P4", "ET 200SP Open Controller < 3.3 SP1 3.x", ["6ES7677-2xA41-0AA0"]),
              },
            ],
          },
        ],
      },
    ],
    full_product_names: [product("P5", "SINEC NMS")],
    relationships: [
      {
        category: "installed_on",
        product_reference: "P2",
        relates_to_product_reference: "P6",
        full_product_name: { product_id: "P7", name: "SCALANCE X308-2 V4.1.4 on SIPLUS NET" },
      },
    ],
    product_groups: [{ group_id: "G1", product_ids: ["P1", "P4"] }],
  },
  vulnerabilities: [
    {
      cve: "CVE-2023-0001",
      title: "Improper Input Validation",
      cwe: { id: "CWE-20", name: "Improper Input Validation" },
      product_status: { known_affected: ["P1", "P2", "P4", "P5", "P7"], fixed: ["P3"] },
      scores: [
        {
          products: ["P1"],
          cvss_v3: {
            version: "3.1",
            baseScore: 7.5,
            baseSeverity: "HIGH",
            vectorString: "CVSS:3.1/AV:N/AC:L",
          },
        },
        {
          products: ["P2"],
          cvss_v3: {
            version: "3.1",
            baseScore: 9.8,
            baseSeverity: "CRITICAL",
            vectorString: "CVSS:3.1/AV:N",
          },
        },
      ],
      remediations: [
        {
          category: "vendor_fix",
          details: "Update to V3.0.1 or later.",
          group_ids: ["G1"],
          url: "https://x/y",
        },
        { category: "Mitigation", details: "Block port 102.", product_ids: ["P2", "P1"] },
        { category: "reboot_required", details: "Restart.", product_ids: ["P2"] },
      ],
      references: [{ summary: "CVE-2023-0001", url: "https://www.cve.org/CVERecord?id=CVE-2023-0001" }],
    },
    {
      title: "A vulnerability without a CVE id",
      product_status: { under_investigation: ["P5"], known_affected: ["NOPE"] },
    },
  ],
};

let next = 0;
export function asset(
  overrides: Partial<MatchableAsset> & { tag?: string } = {},
): MatchableAsset & { tag: string } {
  next += 1;
  return {
    id: `a${next}`,
    tag: `A-${next}`,
    vendor: "Siemens AG",
    product: "",
    modelNumber: "",
    version: "",
    kind: "plc",
    criticality: "production_critical",
    safetyRelated: false,
    exposure: "plant_network",
    ...overrides,
  };
}

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsaf } from "@/lib/domain/advisories";
import { remediationsOf, unnamedProduct } from "@/lib/domain/advisories/remediations";

const dir = path.resolve(__dirname, "..", process.env.INTERLOCK_CSAF_DIR ?? "../shared/csaf");
const present = existsSync(dir);
const files = present ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
const read = (f: string) => readCsaf(JSON.parse(readFileSync(path.join(dir, f), "utf8")));

const doc = (product_tree: unknown) => ({
  document: { tracking: { id: "T-1", version: "1" }, title: "t", publisher: { name: "p" } },
  product_tree,
  vulnerabilities: [
    {
      cve: "CVE-2024-0001",
      remediations: [{ category: "vendor_fix", details: "Update.", product_ids: ["P1", "P2", "P3"] }],
    },
  ],
});

describe("remediation products", () => {
  it("names a branch product without a name of its own by its product and version, in words", () => {
    const facts = readCsaf(
      doc({
        branches: [
          {
            category: "vendor",
            name: "WAGO",
            branches: [
              {
                category: "product_name",
                name: "PFC200",
                branches: [
                  {
                    category: "product_version_range",
                    name: ">FW16_up_to_and_including_FW26",
                    product: { product_id: "P1" },
                  },
                ],
              },
            ],
          },
        ],
        full_product_names: [{ product_id: "P2", name: "Edge Controller: >FW18_up_to_and_including_FW26" }],
      }),
    );
    expect(remediationsOf(facts)[0]!.products).toEqual([
      "PFC200: >FW16 up to and including FW26",
      "Edge Controller: >FW18 up to and including FW26",
      unnamedProduct("P3"),
    ]);
  });

  // Skipped when the corpus folder is absent (a checkout without ../shared); CI has it.
  it.skipIf(!present)("shows a name, never a bare product id, for every remediation in the corpus", () => {
    let shown = 0;
    for (const f of files) {
      const facts = read(f);
      const ids = new Set(facts.products.map((p) => p.productId));
      for (const r of remediationsOf(facts))
        for (const name of r.products) {
          shown += 1;
          expect(ids.has(name), `${f}: ${name}`).toBe(false);
          expect(name, f).not.toMatch(/CSAFPID|_up_to_|gives no name/);
        }
    }
    expect(shown).toBeGreaterThan(100);
  });

  it.skipIf(!present)("names WAGO's controllers in icsa-23-325-01 in words", () => {
    const products = remediationsOf(read("icsa-23-325-01.json")).flatMap((r) => r.products);
    expect(products).toContain("Compact Controller CC100: >FW19 up to and including FW26");
  });
});

// Every real advisory in INTERLOCK_CSAF_DIR (default ../shared/csaf beside the checkout) reads
// without error, with as many product leaves and CVEs as the JSON holds, counted here
// independently of the reader. Ranges the parser cannot read are counted and printed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchAssets, readCsaf, type MatchableAsset } from "@/lib/domain/advisories";

const dir = path.resolve(__dirname, "..", process.env.INTERLOCK_CSAF_DIR ?? "../shared/csaf");
const present = existsSync(dir);
const files = present ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];

type J = Record<string, unknown>;
const list = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);

/** Branches carrying a product, at any depth, plus full_product_names and relationships. */
function countLeaves(tree: J): { leaves: number; ranges: number } {
  let leaves = 0;
  let ranges = 0;
  const walk = (branches: unknown) => {
    for (const b of list(branches)) {
      if (b.product) {
        leaves += 1;
        if (b.category === "product_version_range") ranges += 1;
      }
      walk(b.branches);
    }
  };
  walk(tree.branches);
  return { leaves: leaves + list(tree.full_product_names).length + list(tree.relationships).length, ranges };
}

// Skipped only when the corpus folder is absent (a checkout without ../shared); CI has it.
describe.skipIf(!present)(`CSAF corpus in ${dir}`, () => {
  it("holds advisories", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  const unparsed: string[] = [];
  let totalLeaves = 0;

  it.each(files)("%s reads completely", (file) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as J;
    const a = readCsaf(json);
    const tree = (json.product_tree ?? {}) as J;
    const expected = countLeaves(tree);
    const cves = new Set(list(json.vulnerabilities).map((v) => String(v.cve ?? "").toUpperCase()));
    cves.delete("");

    expect(a.trackingId).toBe((json.document as { tracking: { id: string } }).tracking.id);
    expect(a.products).toHaveLength(expected.leaves);
    expect(new Set(a.vulnerabilities.map((v) => v.cve).filter(Boolean))).toEqual(cves);
    expect(a.vulnerabilities).toHaveLength(list(json.vulnerabilities).length);
    expect(a.warnings).toEqual([]);
    // Every status in the JSON lands on a leaf.
    const statuses = list(json.vulnerabilities).reduce(
      (n, v) => n + Object.values((v.product_status ?? {}) as J).flat().length,
      0,
    );
    expect(a.products.reduce((n, p) => n + p.statuses.length, 0)).toBe(statuses);
    expect(a.products.filter((p) => p.versionText !== "" && p.version.kind === "none")).toEqual([]);

    for (const leaf of a.products.filter((p) => p.version.kind === "unparsed")) {
      unparsed.push(`${file} ${leaf.productId} "${leaf.versionText}"`);
      // Not dropped: for an asset of that product the leaf is unknown, and the asset never not affected.
      const probe: MatchableAsset = {
        id: "probe",
        vendor: leaf.vendor ?? a.vendors[0] ?? "",
        product: leaf.productName ?? leaf.fullName,
        modelNumber: leaf.modelNumbers[0] ?? "",
        version: "1.0",
        kind: "other",
        criticality: "supporting",
        safetyRelated: false,
        exposure: "isolated",
      };
      const [m] = matchAssets(a, [probe]);
      expect(m?.leaves.find((l) => l.productId === leaf.productId)?.status).toBe("unknown");
      expect(m?.status).not.toBe("not_affected");
    }
    totalLeaves += a.products.length;
  });

  it("reports the ranges it cannot parse", () => {
    console.log(
      `CSAF corpus: ${files.length} advisories, ${totalLeaves} product leaves, ${unparsed.length} unparsed range(s)` +
        (unparsed.length ? `:\n  ${unparsed.join("\n  ")}` : ""),
    );
    expect(unparsed.length).toBeLessThanOrEqual(totalLeaves);
  });
});

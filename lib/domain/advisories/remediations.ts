// What a remediation is for, in the advisory's own product names: a CSAF remediation points at
// product ids ("CSAFPID-0001"); a change board reads the names the product tree gives them.
import type { AdvisoryFacts, ProductLeaf, RemediationCategory } from "./types";

export interface AdvisoryRemediation {
  category: RemediationCategory;
  details: string;
  url: string | null;
  cves: string[];
  /** Product names as the advisory writes them; an id the document names nowhere is marked as such. */
  products: string[];
}

// WAGO joins the words of a range with underscores (">FW19_up_to_and_including_FW26").
const worded = (text: string) => text.replace(/_+/g, " ").replace(/\s+/g, " ").trim();

/**
 * The name of a product leaf as a reader sees it: `full_product_name.name` (its version part with
 * underscores read as spaces), else the branch's product name and version, else null (unnamed).
 */
export function productDisplayName(leaf: ProductLeaf): string | null {
  const written = leaf.fullName.trim();
  const version = leaf.versionText.trim();
  // A leaf without a name of its own carries the branch's version text or its id instead.
  if (written && written !== leaf.productId && written !== version) {
    if (version && written.includes(version)) return written.replace(version, worded(version));
    // "Name: version" without a version branch: the part after the colon is the version.
    const colon = written.lastIndexOf(": ");
    return colon < 0 ? written : `${written.slice(0, colon)}: ${worded(written.slice(colon + 2))}`;
  }
  if (leaf.productName) return version ? `${leaf.productName}: ${worded(version)}` : leaf.productName;
  return null;
}

/** Shown for a product id the document gives no name to. */
export const unnamedProduct = (id: string) => `${id} (the advisory gives no name)`;

/** Remediations merged across vulnerabilities: one entry per category and text, naming its CVEs and products. */
export function remediationsOf(facts: AdvisoryFacts): AdvisoryRemediation[] {
  const byId = new Map(facts.products.map((p) => [p.productId, p] as const));
  const merged = new Map<string, AdvisoryRemediation>();
  for (const v of facts.vulnerabilities)
    for (const r of v.remediations) {
      const key = `${r.category}|${r.details.trim()}|${r.url ?? ""}`;
      const entry = merged.get(key) ?? {
        category: r.category,
        details: r.details.trim(),
        url: r.url,
        cves: [],
        products: [],
      };
      if (v.cve && !entry.cves.includes(v.cve)) entry.cves.push(v.cve);
      for (const id of r.productIds) {
        const leaf = byId.get(id);
        const name = (leaf && productDisplayName(leaf)) ?? unnamedProduct(id);
        if (!entry.products.includes(name)) entry.products.push(name);
      }
      merged.set(key, entry);
    }
  return [...merged.values()];
}

// The facts of a CSAF 2.0 advisory (https://docs.oasis-open.org/csaf/csaf/v2.0/). The import
// service validates the document first; this reader still tolerates any shape and says what it
// could not read in `warnings` rather than throwing.
import { readProductGroups, readProductTree } from "./product-tree";
import { arr, isObject, isoDate, obj, str, strs } from "./read-helpers";
import {
  PRODUCT_STATUSES,
  REMEDIATION_CATEGORIES,
  type AdvisoryFacts,
  type AdvisoryReference,
  type AdvisoryVulnerability,
  type CvssV3,
  type ProductStatus,
  type Remediation,
  type RemediationCategory,
} from "./types";

export class CsafReadError extends Error {}

function references(v: unknown): AdvisoryReference[] {
  return arr(v)
    .map(obj)
    .filter((r) => str(r.url))
    .map((r) => ({ url: str(r.url)!, summary: str(r.summary) ?? "", category: str(r.category) }));
}

function cvssOf(scores: unknown): CvssV3 | null {
  let best: CvssV3 | null = null;
  for (const raw of arr(scores)) {
    const c = obj(obj(raw).cvss_v3);
    const score = typeof c.baseScore === "number" ? c.baseScore : Number(c.baseScore);
    if (!Number.isFinite(score) || score < 0 || score > 10) continue;
    if (!best || score > best.baseScore) {
      best = {
        baseScore: score,
        vector: str(c.vectorString),
        baseSeverity: str(c.baseSeverity),
        version: str(c.version),
      };
    }
  }
  return best;
}

function remediationCategory(raw: string): RemediationCategory {
  const k = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return (REMEDIATION_CATEGORIES as readonly string[]).includes(k) ? (k as RemediationCategory) : "other";
}

function vulnerabilityOf(raw: unknown, index: number, groups: Map<string, string[]>): AdvisoryVulnerability {
  const v = obj(raw);
  const cve = str(v.cve)?.trim().toUpperCase() ?? null;
  const cwe = obj(v.cwe);
  const status = obj(v.product_status);
  const productStatus = Object.fromEntries(PRODUCT_STATUSES.map((s) => [s, strs(status[s])])) as Record<
    ProductStatus,
    string[]
  >;
  const remediations: Remediation[] = arr(v.remediations).map((r0) => {
    const r = obj(r0);
    const categoryRaw = str(r.category) ?? "";
    const ids = [...strs(r.product_ids), ...strs(r.group_ids).flatMap((g) => groups.get(g) ?? [])];
    return {
      category: remediationCategory(categoryRaw),
      categoryRaw,
      details: str(r.details) ?? "",
      url: str(r.url),
      productIds: [...new Set(ids)],
    };
  });
  return {
    key: cve ?? `#${index + 1}`,
    cve,
    title: str(v.title),
    cwe: str(cwe.id) ? { id: str(cwe.id)!, name: str(cwe.name) ?? "" } : null,
    cvss: cvssOf(v.scores),
    productStatus,
    remediations,
  };
}

/** Reads an advisory. Throws CsafReadError only when there is no tracking id to keep it by. */
export function readCsaf(doc: unknown): AdvisoryFacts {
  if (!isObject(doc) || !isObject(doc.document)) {
    throw new CsafReadError("The file is not a CSAF document: it has no `document` object.");
  }
  const d = doc.document;
  const tracking = obj(d.tracking);
  const trackingId = str(tracking.id)?.trim();
  if (!trackingId) throw new CsafReadError("The CSAF document has no `document.tracking.id`.");
  const warnings: string[] = [];
  const publisher = obj(d.publisher);
  const initialReleaseDate = isoDate(tracking.initial_release_date);
  const currentReleaseDate = isoDate(tracking.current_release_date);
  if (!initialReleaseDate) warnings.push("`tracking.initial_release_date` is missing or not a date.");
  if (!currentReleaseDate) warnings.push("`tracking.current_release_date` is missing or not a date.");

  const products = readProductTree(doc.product_tree, warnings);
  const groups = readProductGroups(doc.product_tree);
  const vulnerabilities = arr(doc.vulnerabilities).map((v, i) => vulnerabilityOf(v, i, groups));

  const byId = new Map(products.map((p) => [p.productId, p] as const));
  for (const v of vulnerabilities) {
    for (const status of PRODUCT_STATUSES) {
      for (const id of v.productStatus[status]) {
        const leaf = byId.get(id);
        if (leaf) leaf.statuses.push({ vulnerability: v.key, status });
        else
          warnings.push(
            `${v.key} lists product ${id} as ${status}, but the product tree has no such product.`,
          );
      }
    }
  }

  const refs = references(d.references);
  const seen = new Set(refs.map((r) => r.url));
  for (const v of arr(doc.vulnerabilities)) {
    for (const r of references(obj(v).references)) {
      if (!seen.has(r.url)) {
        seen.add(r.url);
        refs.push(r);
      }
    }
  }
  const summary = arr(d.notes)
    .map(obj)
    .find((n) => str(n.category) === "summary");

  return {
    trackingId,
    revision: str(tracking.version)?.trim() ?? "",
    title: str(d.title)?.trim() ?? trackingId,
    publisher: {
      name: str(publisher.name)?.trim() ?? "",
      namespace: str(publisher.namespace),
      category: str(publisher.category),
    },
    initialReleaseDate,
    currentReleaseDate,
    tlp: str(obj(obj(d.distribution).tlp).label)?.toUpperCase() ?? null,
    summary: summary ? (str(summary.text) ?? null) : null,
    vendors: [...new Set(products.map((p) => p.vendor?.trim() ?? "").filter((v) => v !== ""))],
    vulnerabilities,
    references: refs,
    products,
    warnings,
  };
}

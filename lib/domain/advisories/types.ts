// Plain facts read from a CSAF 2.0 advisory, and what matching and priority answer. The import
// services store these; the rules below work on them without a database.
import type { AssetKind, Criticality, Exposure } from "../constants";

/** CSAF product status lists (`vulnerabilities[].product_status`). */
export const PRODUCT_STATUSES = [
  "known_affected",
  "first_affected",
  "last_affected",
  "under_investigation",
  "fixed",
  "first_fixed",
  "known_not_affected",
  "recommended",
] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** CSAF remediation categories; anything else an advisory writes is kept as `other`. */
export const REMEDIATION_CATEGORIES = [
  "vendor_fix",
  "mitigation",
  "workaround",
  "none_available",
  "no_fix_planned",
  "other",
] as const;
export type RemediationCategory = (typeof REMEDIATION_CATEGORIES)[number];

export interface AdvisoryPublisher {
  name: string;
  namespace: string | null;
  category: string | null;
}

export interface AdvisoryReference {
  url: string;
  summary: string;
  /** `self` or `external`. */
  category: string | null;
}

export interface CvssV3 {
  baseScore: number;
  vector: string | null;
  baseSeverity: string | null;
  /** "3.0" or "3.1". */
  version: string | null;
}

export interface Remediation {
  category: RemediationCategory;
  /** The category as written, when it was not one of the five (kept so nothing is lost). */
  categoryRaw: string;
  details: string;
  url: string | null;
  /** Product ids, with `group_ids` resolved through `product_tree.product_groups`. */
  productIds: string[];
}

export interface AdvisoryVulnerability {
  /** The key leaves use in `statuses`: the CVE id, or `#<n>` (1-based) when there is none. */
  key: string;
  cve: string | null;
  title: string | null;
  cwe: { id: string; name: string } | null;
  /** The highest CVSS v3 base score given for the vulnerability, with its vector. */
  cvss: CvssV3 | null;
  /** Product id → status, from `product_status`. */
  productStatus: Record<ProductStatus, string[]>;
  remediations: Remediation[];
}

/** One comparator of a version range: `<V3.2` is `{ op: "<", version: "V3.2" }`. */
export type RangeOp = "=" | "!=" | "<" | "<=" | ">" | ">=";
export interface RangeConstraint {
  op: RangeOp;
  version: string;
}

/**
 * A leaf's version or range, parsed. `constraints` follow the vers semantics (a union of
 * intervals and single versions: see ranges.ts); `unparsed` is never read as "not affected".
 */
export type VersionSpec =
  | { kind: "all"; raw: string; form: string }
  | { kind: "exact"; raw: string; form: string; version: string }
  | { kind: "constraints"; raw: string; form: string; scheme: string; constraints: RangeConstraint[] }
  | { kind: "none"; raw: ""; form: "no version given" }
  | { kind: "unparsed"; raw: string; form: "unparsed"; reason: string };

export interface LeafStatus {
  /** `AdvisoryVulnerability.key`. */
  vulnerability: string;
  status: ProductStatus;
}

/** A product the advisory speaks of, at the version granularity it gives. */
export interface ProductLeaf {
  productId: string;
  /** `full_product_name.name` as written. */
  fullName: string;
  vendor: string | null;
  /** Family name(s) between vendor and product, outermost first ("SIMATIC S7-1500"). */
  family: string | null;
  productName: string | null;
  /** Order numbers from `model_numbers`, and part numbers written in the product name. */
  modelNumbers: string[];
  cpe: string | null;
  purl: string | null;
  /** The `product_version` / `product_version_range` text as written ("" when none). */
  versionText: string;
  version: VersionSpec;
  /** For a leaf made by a relationship: how, and to which product. */
  relationship: { category: string; relatesTo: string; relatesToName: string | null } | null;
  statuses: LeafStatus[];
}

export interface AdvisoryFacts {
  trackingId: string;
  /** `tracking.version`, the current revision. */
  revision: string;
  title: string;
  publisher: AdvisoryPublisher;
  /** ISO 8601 instants as written (UTC offset kept), or null when absent or not a date. */
  initialReleaseDate: string | null;
  currentReleaseDate: string | null;
  /** `distribution.tlp.label` ("WHITE", "CLEAR", "GREEN", "AMBER", "RED"), or null. */
  tlp: string | null;
  /** The document's `summary` note, if any. */
  summary: string | null;
  vendors: string[];
  vulnerabilities: AdvisoryVulnerability[];
  references: AdvisoryReference[];
  products: ProductLeaf[];
  /** What reading had to skip or guess (a malformed branch, a date that is not a date). */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Matching

/** What matching needs of an inventory asset; any extra fields are carried through. */
export interface MatchableAsset {
  id: string;
  vendor: string;
  product: string;
  modelNumber: string;
  version: string;
  kind: AssetKind;
  criticality: Criticality;
  safetyRelated: boolean;
  exposure: Exposure;
}

export const MATCH_STATUSES = ["affected", "not_affected", "unknown"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** How the asset was tied to a product leaf. */
export type MatchRule =
  | "model_number" // the asset's model/order number is one of the leaf's (or fits its pattern)
  | "product_name" // the asset's product (with its model) names the leaf's product
  | "product_less_specific" // the asset's product text is a part of the leaf's name
  | "product_more_specific" // the leaf's product name is a part of the asset's product text
  | "not_listed"; // same vendor, no product of the advisory matches

export interface LeafVerdict {
  productId: string;
  leafName: string;
  rule: MatchRule;
  status: MatchStatus;
  /** The comparison that decided it, in plain words ("V3.1.4 < V3.2: in range < V3.2"). */
  comparison: string;
  /** Vulnerability keys (CVE ids) for which this leaf is affected. */
  vulnerabilities: string[];
}

export interface AssetMatch<A extends MatchableAsset = MatchableAsset> {
  asset: A;
  status: MatchStatus;
  rule: MatchRule;
  /** One sentence naming the leaf, the rule and the comparison. */
  reason: string;
  /** CVE ids (or vulnerability keys) that make the asset affected or possibly affected. */
  vulnerabilities: string[];
  /** Every leaf considered for the asset, with its own verdict. */
  leaves: LeafVerdict[];
}

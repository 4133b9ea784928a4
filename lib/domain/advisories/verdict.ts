// One product leaf against one asset: the status, the vulnerabilities and the words that explain it.
import { versionInSpec } from "./ranges";
import type { LeafVerdict, MatchableAsset, MatchRule, ProductLeaf, ProductStatus } from "./types";

export interface InternalVerdict extends LeafVerdict {
  /** The leaf says nothing about this asset (a fixed version the asset does not run). */
  neutral: boolean;
  explanation: string;
}

const AFFECTED: readonly ProductStatus[] = ["known_affected", "first_affected", "last_affected"];
const NOT_AFFECTED: readonly ProductStatus[] = ["fixed", "first_fixed", "known_not_affected", "recommended"];

const vulnsWith = (leaf: ProductLeaf, statuses: readonly ProductStatus[]) => [
  ...new Set(leaf.statuses.filter((s) => statuses.includes(s.status)).map((s) => s.vulnerability)),
];

function how(leaf: ProductLeaf, rule: MatchRule, modelDiffers: boolean, asset: MatchableAsset): string {
  const name = `"${leaf.fullName}" (${leaf.productId})`;
  const text = [asset.product, asset.modelNumber].filter((s) => s.trim() !== "").join(" ");
  if (rule === "model_number") return `order number ${asset.modelNumber} is listed for ${name}`;
  if (modelDiffers) {
    return `product ${text} matches ${name} by name, but the advisory lists order numbers ${leaf.modelNumbers.join(", ")}, not ${asset.modelNumber}`;
  }
  if (rule === "product_name") return `product ${text} is ${name}`;
  if (rule === "product_less_specific") {
    return `product ${text} is less specific than ${name}; record the model number to decide`;
  }
  return `${name} is part of the asset's product ${text}; check it is the same product`;
}

export function verdictFor(
  leaf: ProductLeaf,
  rule: MatchRule,
  modelDiffers: boolean,
  asset: MatchableAsset,
): InternalVerdict {
  const affected = vulnsWith(leaf, AFFECTED);
  const investigating = vulnsWith(leaf, ["under_investigation"]);
  const fixed = vulnsWith(leaf, NOT_AFFECTED);
  const c = versionInSpec(asset.version, leaf.version);
  const doubtful = modelDiffers || rule === "product_less_specific" || rule === "product_more_specific";
  const base = { productId: leaf.productId, leafName: leaf.fullName, rule, comparison: c.detail };
  const explain = (what: string) => `${how(leaf, rule, modelDiffers, asset)}; ${what}`;

  if (affected.length > 0) {
    if (c.inRange === false) {
      return {
        ...base,
        status: "not_affected",
        vulnerabilities: [],
        neutral: false,
        explanation: explain(c.detail),
      };
    }
    const status = c.inRange === true && !doubtful ? "affected" : "unknown";
    return {
      ...base,
      status,
      vulnerabilities: [...affected, ...investigating],
      neutral: false,
      explanation: explain(c.detail),
    };
  }
  if (investigating.length > 0) {
    const status = c.inRange === false ? "not_affected" : "unknown";
    return {
      ...base,
      status,
      vulnerabilities: status === "unknown" ? investigating : [],
      neutral: false,
      explanation: explain(`${c.detail}; the vendor is still investigating`),
    };
  }
  if (fixed.length > 0 && c.inRange === true) {
    return {
      ...base,
      status: "not_affected",
      vulnerabilities: [],
      neutral: false,
      explanation: explain(`${c.detail}: listed as fixed or not affected`),
    };
  }
  const why =
    fixed.length > 0
      ? `${c.detail}: not a version listed as fixed`
      : "no vulnerability of the advisory lists this product";
  return { ...base, status: "unknown", vulnerabilities: [], neutral: true, explanation: explain(why) };
}

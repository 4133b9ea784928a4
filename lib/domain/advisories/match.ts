// Which inventory assets an advisory concerns. Per asset of the advisory's vendors: find the
// product leaves it is (order number first, then product name), then compare its version with
// each leaf's version or range. Doubt is "unknown", never "not affected".
import {
  modelNumberTest,
  normalizeModelNumber,
  productTokens,
  tokenKey,
  vendorKeys,
  vendorsMatch,
} from "./normalize";
import { partNumbersInName } from "./product-tree";
import type { AdvisoryFacts, AssetMatch, MatchableAsset, MatchRule, ProductLeaf } from "./types";
import { verdictFor, type InternalVerdict } from "./verdict";

interface IndexedLeaf {
  leaf: ProductLeaf;
  vendorKeys: string[];
  exactModels: Set<string>;
  patterns: RegExp[];
  keys: Set<string>;
  tokens: Set<string>[];
}

function indexLeaf(leaf: ProductLeaf, advisoryVendorKeys: string[]): IndexedLeaf {
  const exactModels = new Set<string>();
  const patterns: RegExp[] = [];
  for (const m of leaf.modelNumbers) {
    const t = modelNumberTest(m);
    if ("exact" in t) {
      if (t.exact !== "") exactModels.add(t.exact);
    } else patterns.push(t.pattern);
  }
  const base = partNumbersInName(leaf.productName ?? leaf.fullName).base;
  const names = [base];
  if (leaf.family) names.push(`${leaf.family} ${base}`);
  const tokenLists = names.map(productTokens).filter((t) => t.length > 0);
  return {
    leaf,
    // A leaf without a vendor (a bare full_product_name) belongs to any of the advisory's vendors.
    vendorKeys: leaf.vendor ? vendorKeys(leaf.vendor) : advisoryVendorKeys,
    exactModels,
    patterns,
    keys: new Set(tokenLists.map(tokenKey)),
    tokens: tokenLists.map((t) => new Set(t)),
  };
}

interface Candidates {
  rule: MatchRule;
  leaves: IndexedLeaf[];
  /** The asset has an order number, the leaf lists others: the name matches, the variant may not. */
  modelDiffers: boolean;
}

/** The leaves of one vendor, indexed so each asset costs a few lookups, not a pass over every leaf. */
interface VendorIndex {
  byModel: Map<string, IndexedLeaf[]>;
  patterned: IndexedLeaf[];
  byKey: Map<string, IndexedLeaf[]>;
  byToken: Map<string, IndexedLeaf[]>;
  order: Map<IndexedLeaf, number>;
}

function push<K>(map: Map<K, IndexedLeaf[]>, key: K, leaf: IndexedLeaf): void {
  const list = map.get(key);
  if (!list) map.set(key, [leaf]);
  else if (list[list.length - 1] !== leaf) list.push(leaf);
}

function indexVendor(leaves: IndexedLeaf[]): VendorIndex {
  const ix: VendorIndex = {
    byModel: new Map(),
    patterned: [],
    byKey: new Map(),
    byToken: new Map(),
    order: new Map(),
  };
  leaves.forEach((l, i) => {
    ix.order.set(l, i);
    for (const m of l.exactModels) push(ix.byModel, m, l);
    if (l.patterns.length > 0) ix.patterned.push(l);
    for (const k of l.keys) push(ix.byKey, k, l);
    for (const t of new Set(l.tokens.flatMap((set) => [...set]))) push(ix.byToken, t, l);
  });
  return ix;
}

const subset = (a: Iterable<string>, b: Set<string>) => [...a].every((t) => b.has(t));

function inOrder(ix: VendorIndex, leaves: Iterable<IndexedLeaf>): IndexedLeaf[] {
  return [...new Set(leaves)].sort((a, b) => ix.order.get(a)! - ix.order.get(b)!);
}

function candidatesFor(ix: VendorIndex, product: string, model: string): Candidates {
  const m = normalizeModelNumber(model);
  if (m !== "") {
    const byModel = [
      ...(ix.byModel.get(m) ?? []),
      ...ix.patterned.filter((l) => l.patterns.some((p) => p.test(m))),
    ];
    if (byModel.length > 0)
      return { rule: "model_number", leaves: inOrder(ix, byModel), modelDiffers: false };
  }
  const listsOtherModels = (l: IndexedLeaf) => m !== "" && (l.exactModels.size > 0 || l.patterns.length > 0);
  const assetLists = [productTokens(product), productTokens(`${product} ${model}`)];
  if (m !== "") assetLists.push(productTokens(model));
  const assetKeys = new Set(assetLists.filter((t) => t.length > 0).map(tokenKey));
  const byName = inOrder(
    ix,
    [...assetKeys].flatMap((k) => ix.byKey.get(k) ?? []),
  );
  if (byName.length > 0) {
    // When the model field was part of the name that matched, it is a designation, not an order number.
    const productKey = tokenKey(productTokens(product));
    const viaProductOnly = byName.every((l) => l.keys.has(productKey));
    const modelDiffers = viaProductOnly && byName.every(listsOtherModels);
    return { rule: "product_name", leaves: byName, modelDiffers };
  }
  // Partial names only count when order numbers do not tell the variants apart.
  const full = productTokens(`${product} ${model}`);
  if (full.length > 0) {
    const fullSet = new Set(full);
    // Any leaf that shares a word with the asset; partial matches are among these only.
    const near = inOrder(
      ix,
      [...fullSet].flatMap((t) => ix.byToken.get(t) ?? []),
    ).filter((l) => !listsOtherModels(l));
    const less = near.filter((l) => l.tokens.some((t) => t.size > fullSet.size && subset(fullSet, t)));
    if (less.length > 0) return { rule: "product_less_specific", leaves: less, modelDiffers: false };
    const more = near.filter((l) =>
      l.tokens.some((t) => t.size > 0 && t.size < fullSet.size && subset(t, fullSet)),
    );
    if (more.length > 0) return { rule: "product_more_specific", leaves: more, modelDiffers: false };
  }
  return { rule: "not_listed", leaves: [], modelDiffers: false };
}

/**
 * Matches an advisory against assets. Assets of other vendors are left out; every asset of the
 * advisory's vendors gets one AssetMatch, in the order given.
 */
export function matchAssets<A extends MatchableAsset>(
  advisory: Pick<AdvisoryFacts, "products" | "vendors">,
  assets: readonly A[],
): AssetMatch<A>[] {
  const advisoryVendorKeys = [...new Set(advisory.vendors.flatMap(vendorKeys))];
  const indexed = advisory.products.map((l) => indexLeaf(l, advisoryVendorKeys));
  const leavesByVendor = new Map<string, VendorIndex | null>();
  const candidateCache = new Map<string, Candidates>();
  const verdictCache = new Map<string, InternalVerdict>();
  const out: AssetMatch<A>[] = [];

  for (const asset of assets) {
    let vendorLeaves = leavesByVendor.get(asset.vendor);
    if (vendorLeaves === undefined) {
      const key = vendorKeys(asset.vendor)[0] ?? "";
      const own = indexed.filter((l) => l.vendorKeys.some((k) => vendorsMatch(key, k)));
      const ofAdvisory = advisoryVendorKeys.some((k) => vendorsMatch(key, k)) || own.length > 0;
      vendorLeaves = ofAdvisory ? indexVendor(own) : null;
      leavesByVendor.set(asset.vendor, vendorLeaves);
    }
    if (vendorLeaves === null) continue;

    const ck = `${asset.vendor}\u0000${asset.product}\u0000${asset.modelNumber}`;
    let cands = candidateCache.get(ck);
    if (!cands) {
      cands = candidatesFor(vendorLeaves, asset.product, asset.modelNumber);
      candidateCache.set(ck, cands);
    }
    const verdicts = cands.leaves.map((l) => {
      const vk = `${ck}\u0000${l.leaf.productId}\u0000${asset.version}`;
      let v = verdictCache.get(vk);
      if (!v) {
        v = verdictFor(l.leaf, cands.rule, cands.modelDiffers, asset);
        verdictCache.set(vk, v);
      }
      return v;
    });
    out.push(summarise(asset, cands, verdicts));
  }
  return out;
}

function summarise<A extends MatchableAsset>(
  asset: A,
  cands: Candidates,
  verdicts: InternalVerdict[],
): AssetMatch<A> {
  if (cands.rule === "not_listed") {
    const what =
      [asset.product, asset.modelNumber].filter((s) => s.trim() !== "").join(" ") || "no product recorded";
    return {
      asset,
      status: "not_affected",
      rule: "not_listed",
      reason: `Not listed: ${what} matches none of the advisory's products by order number or name.`,
      vulnerabilities: [],
      leaves: [],
    };
  }
  const decisive = verdicts.filter((v) => !v.neutral);
  const pick =
    decisive.find((v) => v.status === "affected") ??
    decisive.find((v) => v.status === "unknown") ??
    decisive.find((v) => v.status === "not_affected") ??
    verdicts[0]!;
  const status = decisive.length === 0 ? "unknown" : pick.status;
  const vulnerabilities = [
    ...new Set(decisive.filter((v) => v.status === status).flatMap((v) => v.vulnerabilities)),
  ].sort();
  const label = status === "affected" ? "Affected" : status === "unknown" ? "Unknown" : "Not affected";
  const others = verdicts.length > 1 ? ` (${verdicts.length} products of the advisory considered)` : "";
  return {
    asset,
    status,
    rule: pick.rule,
    reason: `${label}: ${pick.explanation}${others}.`,
    vulnerabilities,
    leaves: verdicts.map(({ neutral: _n, explanation: _e, ...v }) => v),
  };
}

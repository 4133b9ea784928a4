// The products of a CSAF `product_tree`: every branch that carries a `product`, every
// `full_product_names` entry and every relationship, each as one leaf with what is known of it.
import { parseVersionSpec } from "./ranges";
import { arr, obj, str, strs, type Json } from "./read-helpers";
import type { ProductLeaf } from "./types";

interface Path {
  vendor: string | null;
  families: string[];
  productName: string | null;
  version: string | null;
  isRange: boolean;
}

// A parenthesis that holds only a part number ("(6ES7518-4AP00-0AB0)", "(171CBU*)"), or one
// that says it lists part/order numbers ("(part numbers BMEP* and BMEH*)").
const PART_TOKEN = /^(?=[A-Z0-9*./-]*\d|[A-Z0-9./-]*\*)[A-Z0-9][A-Z0-9*./-]{3,}$/i;

/** Part numbers written in a product name, and the name without them. */
export function partNumbersInName(name: string): { base: string; partNumbers: string[] } {
  const partNumbers: string[] = [];
  const base = name.replace(/\(([^)]*)\)/g, (whole, inner: string) => {
    const t = inner.trim();
    if (PART_TOKEN.test(t) && /[A-Z]/i.test(t)) {
      partNumbers.push(t);
      return " ";
    }
    if (/\b(?:part|order|model|article)\s*(?:numbers?|nos?\.?)\b|\bMLFB\b/i.test(t)) {
      for (const tok of t.split(/[\s,;]+/))
        if (PART_TOKEN.test(tok) && /[A-Z]/i.test(tok)) partNumbers.push(tok);
      return " ";
    }
    return whole;
  });
  return { base: base.replace(/\s+/g, " ").trim(), partNumbers };
}

function helper(product: Json): { modelNumbers: string[]; cpe: string | null; purl: string | null } {
  const h = obj(product.product_identification_helper);
  return {
    modelNumbers: [...strs(h.model_numbers), ...strs(h.skus)],
    cpe: str(h.cpe),
    purl: str(h.purl),
  };
}

function leafOf(product: Json, path: Path, fallbackName: string): ProductLeaf | null {
  const productId = str(product.product_id);
  if (!productId) return null;
  const fullName = str(product.name) ?? fallbackName;
  const h = helper(product);
  const named = partNumbersInName(path.productName ?? "");
  const versionText = path.version ?? "";
  return {
    productId,
    fullName,
    vendor: path.vendor,
    family: path.families.length > 0 ? path.families.join(" ") : null,
    productName: path.productName,
    modelNumbers: unique([...h.modelNumbers, ...named.partNumbers]),
    cpe: h.cpe,
    purl: h.purl,
    versionText,
    version: parseVersionSpec(versionText, path.isRange),
    relationship: null,
    statuses: [],
  };
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ""))];

function walk(branches: unknown, path: Path, out: ProductLeaf[], warnings: string[], depth: number): void {
  if (depth > 30) {
    warnings.push("The product tree is nested more than 30 levels deep; deeper branches were not read.");
    return;
  }
  for (const raw of arr(branches)) {
    const b = obj(raw);
    const name = str(b.name)?.trim() ?? "";
    const category = str(b.category) ?? "";
    const next: Path = { ...path, families: [...path.families] };
    if (category === "vendor") next.vendor = name || null;
    else if (category === "product_family") next.families.push(name);
    else if (category === "product_name") next.productName = name || null;
    else if (category === "product_version") Object.assign(next, { version: name, isRange: false });
    else if (category === "product_version_range") Object.assign(next, { version: name, isRange: true });
    if (b.product !== undefined) {
      const leaf = leafOf(obj(b.product), next, name);
      if (leaf) out.push(leaf);
      else warnings.push(`A product under "${name}" has no product_id and was not read.`);
    }
    walk(b.branches, next, out, warnings, depth + 1);
  }
}

const EMPTY_PATH: Path = { vendor: null, families: [], productName: null, version: null, isRange: true };

/** Every product leaf of the tree, in document order; duplicates of a product id are dropped. */
export function readProductTree(tree: unknown, warnings: string[]): ProductLeaf[] {
  const t = obj(tree);
  const leaves: ProductLeaf[] = [];
  walk(t.branches, EMPTY_PATH, leaves, warnings, 0);
  for (const raw of arr(t.full_product_names)) {
    const p = obj(raw);
    const leaf = leafOf(p, { ...EMPTY_PATH, productName: str(p.name) }, "");
    if (leaf) leaves.push(leaf);
  }
  const byId = new Map(leaves.map((l) => [l.productId, l] as const));
  for (const raw of arr(t.relationships)) {
    const r = obj(raw);
    const fpn = obj(r.full_product_name);
    const id = str(fpn.product_id);
    if (!id) {
      warnings.push("A relationship has no full_product_name.product_id and was not read.");
      continue;
    }
    const component = byId.get(str(r.product_reference) ?? "");
    const platform = byId.get(str(r.relates_to_product_reference) ?? "");
    const h = helper(fpn);
    const base = component ?? platform;
    leaves.push({
      productId: id,
      fullName: str(fpn.name) ?? id,
      vendor: component?.vendor ?? platform?.vendor ?? null,
      family: base?.family ?? null,
      productName: base?.productName ?? str(fpn.name),
      // The platform's order numbers identify the hardware the component runs on.
      modelNumbers: unique([
        ...h.modelNumbers,
        ...(component?.modelNumbers ?? []),
        ...(platform?.modelNumbers ?? []),
      ]),
      cpe: h.cpe ?? component?.cpe ?? null,
      purl: h.purl ?? component?.purl ?? null,
      versionText: component?.versionText || platform?.versionText || "",
      version: (component?.versionText ? component : platform)?.version ?? parseVersionSpec(""),
      relationship: {
        category: str(r.category) ?? "",
        relatesTo: str(r.relates_to_product_reference) ?? "",
        relatesToName: platform?.fullName ?? null,
      },
      statuses: [],
    });
  }
  const seen = new Set<string>();
  return leaves.filter((l) => {
    if (seen.has(l.productId)) {
      warnings.push(`Product id ${l.productId} appears more than once; the first is used.`);
      return false;
    }
    seen.add(l.productId);
    return true;
  });
}

/** `product_groups`: group id → product ids. */
export function readProductGroups(tree: unknown): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const raw of arr(obj(tree).product_groups)) {
    const g = obj(raw);
    const id = str(g.group_id);
    if (id) groups.set(id, strs(g.product_ids));
  }
  return groups;
}

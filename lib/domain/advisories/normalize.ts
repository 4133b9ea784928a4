// Names as vendors, CERTs and plant inventories write them, reduced to comparable keys.

const LEGAL_SUFFIXES = new Set([
  "ag",
  "gmbh",
  "mbh",
  "inc",
  "incorporated",
  "co",
  "kg",
  "kgaa",
  "llc",
  "ltd",
  "limited",
  "corp",
  "corporation",
  "company",
  "sa",
  "se",
  "plc",
  "bv",
  "nv",
  "spa",
  "srl",
  "oy",
  "ab",
  "asa",
  "kk",
  "pty",
  "pte",
  "sas",
  "sarl",
  "ug",
  "and",
]);

/** Trade names that mean the same vendor in an inventory (keys as normalizeVendor gives them). */
const VENDOR_ALIASES: Record<string, string> = {
  "allen bradley": "rockwell automation",
  jci: "johnson controls",
  "general electric": "ge",
  "asea brown boveri": "abb",
};

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** "Siemens AG" → "siemens"; "Rockwell Automation, Inc." → "rockwell automation". */
export function normalizeVendor(name: string): string {
  const words = fold(name)
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const key = words.join(" ");
  if (LEGAL_SUFFIXES.has(key)) return "";
  return VENDOR_ALIASES[key] ?? key;
}

/**
 * The vendor keys an advisory's vendor name stands for: CISA writes a brand and its owner
 * together ("Exacq Technologies, Johnson Controls Inc.").
 */
export function vendorKeys(name: string): string[] {
  const parts = name.split(/,|\s\/\s/).map(normalizeVendor);
  const whole = normalizeVendor(name);
  return [...new Set([whole, ...parts].filter((k) => k !== ""))];
}

/** Same vendor when the keys are equal or one is the other's leading words ("rockwell"). */
export function vendorsMatch(assetKey: string, advisoryKey: string): boolean {
  if (assetKey === "" || advisoryKey === "") return false;
  return (
    assetKey === advisoryKey ||
    advisoryKey.startsWith(`${assetKey} `) ||
    assetKey.startsWith(`${advisoryKey} `)
  );
}

/** Order/model numbers without spacing and dash variants: "6ES7 511-1AK02-0AB0" → "6ES75111AK020AB0". */
export function normalizeModelNumber(model: string): string {
  return model.toUpperCase().replace(/[^A-Z0-9*?]/g, "");
}

/**
 * A model number from an advisory as a test. `*` stands for any run of characters, `?` and a
 * lowercase `x` in an otherwise upper-case number (Siemens' "6ES7 214-1AG40-0XB0" style
 * placeholders are written lower-case by CERTs: "6ES7214-1xG40-0XB0") for one character.
 */
export function modelNumberTest(model: string): { exact: string } | { pattern: RegExp } {
  const t = model.trim();
  const placeholders = /[A-Z]/.test(t) ? t.replace(/x/g, "?") : t;
  const key = normalizeModelNumber(placeholders);
  if (!/[*?]/.test(key)) return { exact: key };
  const source = key.replace(/\*/g, ".*").replace(/\?/g, ".");
  return { pattern: new RegExp(`^${source}$`) };
}

const NOISE = new Set([
  "firmware",
  "software",
  "hardware",
  "series",
  "family",
  "version",
  "versions",
  "device",
  "devices",
  "product",
  "products",
  "the",
  "and",
  "of",
  "for",
  "all",
]);

/** Words of a product name that identify it: "SIMATIC S7-1500 CPU 1518-4 PN/DP" → simatic s7 1500 cpu 1518 4 pn dp. */
export function productTokens(name: string): string[] {
  return fold(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !NOISE.has(w));
}

/** Order-insensitive key of a token list. */
export const tokenKey = (tokens: readonly string[]): string => [...tokens].sort().join(" ");

// Version strings as OT vendors write them, made comparable. A version that cannot be read
// gives null, and a comparison that cannot be made gives null: callers turn both into
// "unknown", never into "not affected".

/** How versions are compared: vendor formats (default), vers `intdot`, or vers `semver`. */
export type VersionScheme = "generic" | "intdot" | "semver";

export interface Qualifier {
  /** -1 before the release it follows (beta, rc), +1 after it (SP, HF, feature pack, -1). */
  rank: -1 | 1;
  /** Normalised label: "sp", "hf", "fp", "" for a bare revision number. */
  label: string;
  number: number;
}

export interface ParsedVersion {
  raw: string;
  release: number[];
  qualifiers: Qualifier[];
}

// "Version v1.0", "Firmware__20.011", "FW19", "SV4.01", "R510.2", "V3.1.4".
const PREFIX = /^(?:(?:version|firmware|release|rev|ver|fw|sv|v|r)[\s_.:-]*)+(?=\d)/i;
const PRE_LABELS = new Set(["alpha", "a", "beta", "b", "rc", "pre", "preview", "dev", "snapshot", "m"]);
const LABEL_ALIASES: Record<string, string> = {
  "service pack": "sp",
  servicepack: "sp",
  hotfix: "hf",
  "hot fix": "hf",
  "feature pack": "fp",
  featurepack: "fp",
  patch: "p",
  update: "u",
  upd: "u",
  revision: "rev",
};

const stripPrefixes = (s: string): string => s.trim().replace(PREFIX, "");

/** Reads a version; null when it holds no release number or has parts we cannot order. */
export function parseVersion(raw: string, scheme: VersionScheme = "generic"): ParsedVersion | null {
  const text = raw.replace(/\([^)]*\)/g, " ").trim();
  if (scheme === "intdot") {
    if (!/^\d+(\.\d+)*$/.test(text)) return null;
    return { raw, release: text.split(".").map(Number), qualifiers: [] };
  }
  const body = scheme === "semver" ? text.replace(/^v(?=\d)/i, "").replace(/\+.*$/, "") : stripPrefixes(text);
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(body);
  if (!m) return null;
  const release = m[1]!.split(".").map(Number);
  const rest = m[2]!;
  if (scheme === "semver") {
    if (rest === "") return { raw, release, qualifiers: [] };
    if (!/^-[0-9A-Za-z.-]+$/.test(rest)) return null;
    // Every semver pre-release sorts before its release; identifiers compare left to right.
    const ids = rest.slice(1).split(".");
    return {
      raw,
      release,
      qualifiers: ids.map((id) =>
        /^\d+$/.test(id)
          ? { rank: -1 as const, label: "", number: Number(id) }
          : { rank: -1 as const, label: id.toLowerCase(), number: 0 },
      ),
    };
  }
  const qualifiers = readQualifiers(rest);
  return qualifiers ? { raw, release, qualifiers } : null;
}

function readQualifiers(rest: string): Qualifier[] | null {
  const tokens = rest
    .toLowerCase()
    .split(/[\s_.+-]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)
    .filter((t) => t !== "");
  const out: Qualifier[] = [];
  let words: string[] = [];
  for (const [i, tok] of tokens.entries()) {
    if (/^\d+$/.test(tok)) {
      if (words.length === 0) {
        // A bare number right after the release is a package revision ("6.1.1-1").
        if (i !== 0) return null;
        out.push({ rank: 1, label: "", number: Number(tok) });
      } else {
        out.push(qualifier(words, Number(tok)));
        words = [];
      }
    } else {
      if (tok === "x" || tok.includes("*")) return null; // a wildcard, not a version
      words.push(tok);
    }
  }
  if (words.length > 0) out.push(qualifier(words, 0));
  return out;
}

function qualifier(words: string[], number: number): Qualifier {
  const joined = words.join(" ");
  const label = LABEL_ALIASES[joined] ?? joined;
  return { rank: PRE_LABELS.has(label) ? -1 : 1, label, number };
}

/** -1, 0, 1; null when the two cannot be ordered (different qualifiers at the same place). */
export function compareParsed(a: ParsedVersion, b: ParsedVersion): -1 | 0 | 1 | null {
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.release[i] ?? 0;
    const y = b.release[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  const q = Math.max(a.qualifiers.length, b.qualifiers.length);
  for (let i = 0; i < q; i += 1) {
    const x = a.qualifiers[i];
    const y = b.qualifiers[i];
    if (!x || !y) {
      // A missing qualifier sits between pre-releases and post-releases.
      const present = (x ?? y)!;
      const sign = present.rank;
      return (x ? sign : -sign) as -1 | 1;
    }
    if (x.rank !== y.rank) return x.rank < y.rank ? -1 : 1;
    if (x.label !== y.label) {
      // semver: numeric pre-release identifiers sort before alphanumeric ones.
      if (x.label === "" || y.label === "") return x.rank === -1 ? (x.label === "" ? -1 : 1) : null;
      // Two pre-release labels order alphabetically (alpha < beta < rc); others are unrelated.
      if (x.rank === -1) return x.label < y.label ? -1 : 1;
      return null;
    }
    if (x.number !== y.number) return x.number < y.number ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: string, b: string, scheme: VersionScheme = "generic"): -1 | 0 | 1 | null {
  const pa = parseVersion(a, scheme);
  const pb = parseVersion(b, scheme);
  if (!pa || !pb) return null;
  return compareParsed(pa, pb);
}

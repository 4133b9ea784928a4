// Version ranges as advisories write them: `vers:` (https://github.com/package-url/vers-spec),
// free-text comparators and vendor wording. Every form ends as a list of vers constraints so one
// containment rule decides; what cannot be read is "unparsed", which matching reports as unknown.
import type { RangeConstraint, RangeOp, VersionSpec } from "./types";
import { compareVersions, parseVersion, type VersionScheme } from "./versions";

const OPS: readonly RangeOp[] = [">=", "<=", "!=", "<", ">", "="];

/** The comparison rules a spec's versions follow: semver for vers semver/npm, else vendor rules. */
export function schemeOf(spec: VersionSpec): VersionScheme {
  return spec.kind === "constraints" && (spec.scheme === "semver" || spec.scheme === "npm")
    ? "semver"
    : "generic";
}

const unparsed = (raw: string, reason: string): VersionSpec => ({
  kind: "unparsed",
  raw,
  form: "unparsed",
  reason,
});

/** Reads `product_version` (`isRange` false) or `product_version_range` text. */
export function parseVersionSpec(raw: string, isRange = true): VersionSpec {
  const text = raw.trim();
  if (text === "") return { kind: "none", raw: "", form: "no version given" };
  if (/^vers:/i.test(text)) return parseVers(raw, text);
  if (!isRange) {
    const version = text.replace(/\([^)]*\)/g, " ").trim();
    if (/^all(\s+versions?)?$/i.test(version)) return { kind: "all", raw, form: "all versions" };
    return parseVersion(version)
      ? { kind: "exact", raw, form: "single version", version }
      : unparsed(raw, `"${text}" is not a version we can compare`);
  }
  return parseFreeText(raw, text);
}

function parseVers(raw: string, text: string): VersionSpec {
  const m = /^vers:([a-z0-9.+-]*)\/(.*)$/is.exec(text);
  if (!m) return unparsed(raw, "a vers range needs the form vers:<scheme>/<constraints>");
  const scheme = m[1]!.toLowerCase() || "all";
  const body = m[2]!.replace(/\s+/g, "");
  if (body === "*") return { kind: "all", raw, form: `vers:${scheme}/*` };
  if (body === "") return unparsed(raw, "the vers range has no constraints");
  const parts = body.split("|");
  const constraints: RangeConstraint[] = [];
  for (const part of parts) {
    const c = constraintOf(decode(part));
    if (!c) return unparsed(raw, `"${part}" is not a comparator and version`);
    constraints.push(c);
  }
  return finish(raw, `vers:${scheme}`, scheme, constraints);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function constraintOf(part: string): RangeConstraint | null {
  const p = part
    .trim()
    .replace(/^=</, "<=")
    .replace(/^=>/, ">=")
    .replace(/^==/, "=")
    .replace(/^≤/, "<=")
    .replace(/^≥/, ">=");
  const op = OPS.find((o) => p.startsWith(o)) ?? "=";
  const version = p.slice(p.startsWith(op) ? op.length : 0).trim();
  return version === "" ? null : { op, version };
}

// Wording → comparators, tried in order on the whole text (case-insensitive).
const WORDED: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:before|prior to|earlier than|older than|lower than|below)\s+(.+)$/i, (m) => `<${m[1]}`],
  [/^(?:up to and including|up to|through|until)\s+(.+)$/i, (m) => `<=${m[1]}`],
  [/^(.+?)\s+(?:and|or)\s+(?:later|newer|higher|above|greater)$/i, (m) => `>=${m[1]}`],
  [/^(.+?)\s+(?:and|or)\s+(?:earlier|older|lower|below|prior)$/i, (m) => `<=${m[1]}`],
  [/^(.+?)\+$/, (m) => `>=${m[1]}`],
  [
    /^(?:from\s+|between\s+)?(.+?)\s+(?:-|–|to|through|and|up to and including)\s+(.+)$/i,
    (m) => `>=${m[1]}|<=${m[2]}`,
  ],
];

function parseFreeText(raw: string, original: string): VersionSpec {
  let text = original
    .replace(/\([^)]*\)/g, " ")
    // WAGO writes ">FW16_up_to_and_including_FW26": the words are joined by underscores.
    .replace(/_(up_to_and_including|up_to|through)_/gi, (_m, w: string) => ` ${w.replace(/_/g, " ")} `)
    .replace(/\s+/g, " ")
    .trim();
  const all = /^all(?:\s+versions?)?(?:\s*[:,]?\s*)(.*)$/i.exec(text);
  if (all) {
    if (all[1]!.trim() === "") return { kind: "all", raw, form: "all versions" };
    text = all[1]!.trim(); // "all versions < V3.2" is "< V3.2"
  }
  if (text === "*") return { kind: "all", raw, form: "all versions" };
  // ">FW16 up to and including FW26": a comparator, then a worded upper bound.
  const lowerThenUpper = /^(>=?)\s*(.+?)\s+up to and including\s+(.+)$/i.exec(text);
  if (lowerThenUpper) text = `${lowerThenUpper[1]}${lowerThenUpper[2]}|<=${lowerThenUpper[3]}`;
  else if (!/^[<>=!≤≥]/.test(text)) {
    for (const [re, to] of WORDED) {
      const m = re.exec(text);
      if (m && !/[|,]/.test(text)) {
        text = to(m);
        break;
      }
    }
  }
  const parts = text.split(/\s*[|,;]\s*|\s+and\s+(?=[<>=!])/i).filter((p) => p !== "");
  const constraints: RangeConstraint[] = [];
  for (const part of parts) {
    const c = constraintOf(part);
    if (!c) return unparsed(raw, `"${part}" is not a comparator and version`);
    constraints.push(c);
  }
  if (constraints.length === 1 && constraints[0]!.op === "=") {
    const version = constraints[0]!.version;
    if (!parseVersion(version)) return unparsed(raw, `"${version}" is not a version we can compare`);
    return { kind: "exact", raw, form: "single version", version };
  }
  return finish(raw, "text", "generic", constraints);
}

/** Checks the versions can be read and ordered, and that the bounds form intervals. */
function finish(raw: string, formIn: string, scheme: string, constraints: RangeConstraint[]): VersionSpec {
  const vs: VersionScheme = scheme === "semver" || scheme === "npm" ? "semver" : "generic";
  for (const c of constraints) {
    if (c.version === "*") return unparsed(raw, `"*" cannot be combined with other constraints`);
    if (!parseVersion(c.version, vs)) return unparsed(raw, `"${c.version}" is not a version we can compare`);
  }
  let form = formIn;
  // intdot versions compare the same under the vendor rules, which also read "V3.1" leniently.
  if (scheme === "intdot" && constraints.some((c) => !parseVersion(c.version, "intdot"))) {
    form = `${form} (not strict intdot: compared as vendor versions)`;
  }
  let orderable = true;
  const sorted = [...constraints].sort((a, b) => {
    const r = compareVersions(a.version, b.version, vs);
    if (r === null) orderable = false;
    return r ?? 0;
  });
  if (!orderable) return unparsed(raw, "the range's versions cannot be put in order");
  const bounds = sorted.filter((c) => c.op !== "=" && c.op !== "!=");
  for (let i = 1; i < bounds.length; i += 1) {
    const prev = bounds[i - 1]!.op;
    const cur = bounds[i]!.op;
    const prevLower = prev === ">" || prev === ">=";
    const curLower = cur === ">" || cur === ">=";
    if (prevLower === curLower) return unparsed(raw, "the range's bounds do not form intervals");
  }
  return { kind: "constraints", raw, form, scheme, constraints: sorted };
}

export interface Containment {
  /** null: cannot say (unparsed range, unreadable version, versions that do not order). */
  inRange: boolean | null;
  /** The comparison in plain words. */
  detail: string;
}

const holds = (cmp: -1 | 0 | 1, op: RangeOp) =>
  op === "<" ? cmp < 0 : op === "<=" ? cmp <= 0 : op === ">" ? cmp > 0 : op === ">=" ? cmp >= 0 : cmp === 0;

/** Is `version` within `spec`? The vers containment algorithm, over a sorted constraint list. */
export function versionInSpec(version: string, spec: VersionSpec): Containment {
  const v = version.trim();
  // Every version is listed, so an asset without a recorded version is in range too: "unknown"
  // would only ask a person to confirm what the advisory already says.
  if (spec.kind === "all") return { inRange: true, detail: `all versions are listed (${spec.raw})` };
  if (spec.kind === "none")
    return { inRange: true, detail: "the advisory names the product without a version" };
  if (spec.kind === "unparsed")
    return { inRange: null, detail: `the range "${spec.raw}" cannot be read: ${spec.reason}` };
  if (v === "") return { inRange: null, detail: "no version is recorded on the asset" };
  const scheme = schemeOf(spec);
  const fw = firmwareNumbered(v, spec);
  if (fw) {
    if (fw.version === null) return { inRange: null, detail: fw.detail };
    return withDetail(versionInSpec(fw.version, spec), fw.detail);
  }
  if (!parseVersion(v, scheme))
    return { inRange: null, detail: `the asset's version "${v}" cannot be compared` };
  if (spec.kind === "exact") {
    const cmp = compareVersions(v, spec.version, scheme);
    if (cmp === null) return { inRange: null, detail: `${v} and ${spec.version} cannot be compared` };
    return { inRange: cmp === 0, detail: `${v} ${cmp === 0 ? "=" : "≠"} ${spec.version}` };
  }
  const cmps: (-1 | 0 | 1)[] = [];
  for (const c of spec.constraints) {
    const r = compareVersions(v, c.version, scheme);
    if (r === null) return { inRange: null, detail: `${v} and ${c.version} cannot be compared` };
    cmps.push(r);
  }
  const say = (ok: boolean, why: string) => ({
    inRange: ok,
    detail: `${v}: ${why} (range ${spec.raw.trim()})`,
  });
  const cs = spec.constraints;
  for (const [i, c] of cs.entries()) {
    if (c.op === "=" && cmps[i] === 0) return say(true, `= ${c.version}`);
    if (c.op === "!=" && cmps[i] === 0) return say(false, `excluded by != ${c.version}`);
  }
  const idx = cs.map((_, i) => i).filter((i) => cs[i]!.op !== "=" && cs[i]!.op !== "!=");
  for (const [k, i] of idx.entries()) {
    const c = cs[i]!;
    const lower = c.op === ">" || c.op === ">=";
    if (k === 0 && !lower && holds(cmps[i]!, c.op)) return say(true, `${c.op} ${c.version}`);
    if (k === idx.length - 1 && lower && holds(cmps[i]!, c.op)) return say(true, `${c.op} ${c.version}`);
    const j = idx[k + 1];
    if (lower && j !== undefined && holds(cmps[i]!, c.op) && holds(cmps[j]!, cs[j]!.op)) {
      return say(true, `${c.op} ${c.version} and ${cs[j]!.op} ${cs[j]!.version}`);
    }
  }
  return say(false, `outside ${cs.map((c) => `${c.op}${c.version}`).join(" | ")}`);
}

const FW_NUMBER = /^FW\s*\d+$/i;

/**
 * WAGO numbers firmware releases FW16, FW26… and shows them on the device as "04.03.03(26)". A
 * range in FW numbers compares only with an FW number: a dotted version without "(NN)" is of
 * another magnitude and cannot be compared.
 */
function firmwareNumbered(v: string, spec: VersionSpec): { version: string | null; detail: string } | null {
  const versions =
    spec.kind === "exact"
      ? [spec.version]
      : spec.kind === "constraints"
        ? spec.constraints.map((c) => c.version)
        : [];
  if (
    versions.length === 0 ||
    !versions.every((x) => FW_NUMBER.test(x.trim())) ||
    FW_NUMBER.test(v) ||
    /^\d+$/.test(v)
  )
    return null;
  const n = /\((\d+)\)\s*$/.exec(v);
  if (n) return { version: `FW${Number(n[1])}`, detail: `${v} is FW${Number(n[1])}` };
  return {
    version: null,
    detail: `the range counts firmware as FW numbers; the asset's version "${v}" gives none (write it as FW26 or 04.03.03(26))`,
  };
}

function withDetail(c: Containment, prefix: string): Containment {
  return { inRange: c.inRange, detail: `${prefix}; ${c.detail}` };
}

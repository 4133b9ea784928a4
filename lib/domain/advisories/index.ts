// Threat-intelligence intake, pure rules (issue 10): read a CSAF 2.0 advisory, parse its version
// ranges, match it against the inventory, rank the work. No database, no I/O, no clock.
//
//   readCsaf(doc)                      → AdvisoryFacts (throws CsafReadError without a tracking id)
//   parseVersionSpec(text, isRange)    → VersionSpec ("unparsed" is never "not affected")
//   versionInSpec(version, spec)       → { inRange: true | false | null, detail }
//   matchAssets(advisory, assets)      → AssetMatch[] for the assets of the advisory's vendors
//   advisoryPriority(input)            → Priority with its factors (documented in priority.ts)
export * from "./types";
export { readCsaf, CsafReadError } from "./csaf";
export { parseVersionSpec, versionInSpec, type Containment } from "./ranges";
export { compareVersions, parseVersion, type VersionScheme } from "./versions";
export { normalizeVendor, normalizeModelNumber, productTokens, vendorsMatch } from "./normalize";
export { matchAssets } from "./match";
export {
  PRIORITY_MATRIX,
  PRIORITY_LEVELS,
  advisoryPriority,
  type Priority,
  type PriorityInput,
  type PriorityLevel,
} from "./priority";

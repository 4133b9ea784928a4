// Matching one advisory with 150 product leaves against 50,000 assets (target < 200 ms).
//   npx tsx --conditions=react-server bench/advisory-matching.ts [--runs N] [--assets N] [--leaves N]
// Pure: no database. The data is deterministic; see bench/README.md for what it holds.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { matchAssets, readCsaf, type MatchableAsset } from "@/lib/domain/advisories";
import { CRITICALITIES, EXPOSURES } from "@/lib/domain/constants";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "30" },
    assets: { type: "string", default: "50000" },
    leaves: { type: "string", default: "150" },
  },
});
const RUNS = Number(values.runs);
const ASSETS = Number(values.assets);
const LEAVES = Number(values.leaves);

const hex = (n: number, width: number) => n.toString(36).toUpperCase().padStart(width, "0").slice(-width);
const order = (i: number) => `6ES75${hex(i, 2)}-${hex(i * 7, 1)}A${hex(i * 13, 1)}0${i % 3}-0AB0`;
const RANGES = [
  "vers:all/*",
  "vers:all/<V3.1.4",
  "< V2.9.2",
  ">=V2.0|<V3.0.1",
  "<=R510.2_HF14",
  "All versions < V3.2",
];

/** A Siemens-style advisory: one vendor, product names with order numbers, mixed range forms. */
function advisory() {
  const branches = Array.from({ length: LEAVES }, (_, i) => ({
    category: "product_name",
    name: `SIMATIC S7-1500 CPU 15${hex(i, 2)}-${i % 4} PN (${order(i)})`,
    branches: [
      {
        category: "product_version_range",
        name: RANGES[i % RANGES.length]!,
        product: {
          product_id: `CSAFPID-${i + 1}`,
          name: `SIMATIC S7-1500 CPU ${i}`,
          product_identification_helper: { model_numbers: [order(i)] },
        },
      },
    ],
  }));
  return readCsaf({
    document: { tracking: { id: "BENCH-1", version: "1" } },
    product_tree: { branches: [{ category: "vendor", name: "Siemens", branches }] },
    vulnerabilities: [
      {
        cve: "CVE-2099-0001",
        product_status: { known_affected: branches.map((b) => b.branches[0]!.product.product_id) },
      },
    ],
  });
}

const VENDORS = [
  "Siemens AG",
  "Siemens",
  "Rockwell Automation",
  "Schneider Electric",
  "Honeywell",
  "ABB",
  "Emerson",
];

/** 50,000 assets: 40 % Siemens; a third of those on a listed order number, the rest on other ones. */
function inventory(): MatchableAsset[] {
  return Array.from({ length: ASSETS }, (_, i) => {
    const vendor = VENDORS[i % 5 < 2 ? i % 2 : 2 + (i % 5)]!;
    const listed = i % 3 === 0;
    return {
      id: `a${i}`,
      vendor,
      product: listed ? "SIMATIC S7-1500" : `Controller family ${i % 400}`,
      modelNumber: listed ? order(i % LEAVES) : `MODEL-${i % 2500}`,
      version: i % 17 === 0 ? "" : `V${2 + (i % 2)}.${i % 10}.${i % 7}`,
      kind: "plc",
      criticality: CRITICALITIES[i % 3]!,
      safetyRelated: i % 11 === 0,
      exposure: EXPOSURES[i % 4]!,
    };
  });
}

const a = advisory();
const assets = inventory();
for (let i = 0; i < 3; i += 1) matchAssets(a, assets);
const wall: number[] = [];
const cpu: number[] = [];
let last = matchAssets(a, assets);
for (let i = 0; i < RUNS; i += 1) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  last = matchAssets(a, assets);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const counts = last.reduce<Record<string, number>>(
  (m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }),
  {},
);
console.log(
  `advisory ${a.products.length} leaves × ${assets.length} assets → ${last.length} matches ${JSON.stringify(counts)}`,
);
console.log(
  `matchAssets: wall p50 ${pct(wall, 0.5).toFixed(1)} ms, p95 ${pct(wall, 0.95).toFixed(1)} ms; ` +
    `CPU p50 ${pct(cpu, 0.5).toFixed(1)} ms, p95 ${pct(cpu, 0.95).toFixed(1)} ms (${RUNS} runs, target < 200 ms)`,
);

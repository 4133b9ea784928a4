#!/usr/bin/env node
// The heaviest frames of a .cpuprofile: self time per function, and total time per source file.
// node bench/top-frames.mjs <file.cpuprofile> [count]
import fs from "node:fs";

const [file, countArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const count = Number(countArg ?? 25);
const dt = new Map();
// timeDeltas[i] is the time before samples[i]; attribute it to that sample's node.
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const self = new Map();
const byFile = new Map();
for (const node of profile.nodes) {
  const f = node.callFrame;
  const short = (f.url || "(native)").replace(/^.*node_modules\//, "~/").replace(/^file:\/\/.*\/audit\//, "");
  const key = `${f.functionName || "(anonymous)"}  ${short}:${f.lineNumber + 1}`;
  const us = dt.get(node.id) ?? 0;
  self.set(key, (self.get(key) ?? 0) + us);
  byFile.set(short, (byFile.get(short) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
console.log("\nself time by function:");
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${pct(us)}  ${k}`);
console.log("\nself time by file:");
for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${pct(us)}  ${k}`);

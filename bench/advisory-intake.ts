// Importing the whole shared CSAF corpus (target < 5 s) and the CISA KEV catalog (target < 2 s),
// through the same services as the API and the command line, into a fresh database seeded with
// the demo plant (so each import also matches against an inventory).
//   npx tsx --conditions=react-server bench/advisory-intake.ts            # in-memory PGlite
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/advisory-intake.ts
//   INTERLOCK_CSAF_DIR=/path/to/csaf … (default ../shared/csaf beside the checkout)
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";
import { seedDemo } from "@/lib/seed/demo";
import { cliActor } from "@/lib/auth/resolve";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";
import { importKevCatalog } from "@/lib/services/advisories/import-kev";
import { parseIntakeText } from "@/lib/services/advisories/intake-text";
import { csafProblems } from "@/lib/services/advisories/validate-csaf";

const root = path.resolve(__dirname, "..");
const dir = path.resolve(root, process.env.INTERLOCK_CSAF_DIR ?? "../shared/csaf");
const kevFile = path.resolve(dir, "../kev/known_exploited_vulnerabilities.json");

async function freshDatabase() {
  const server = process.env.DATABASE_URL;
  if (!server) {
    process.env.INTERLOCK_DATA_DIR = "memory://";
    return;
  }
  const name = `bench_intake_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}

function cpu(start: NodeJS.CpuUsage) {
  const u = process.cpuUsage(start);
  return ((u.user + u.system) / 1000).toFixed(0);
}

async function timed(label: string, target: number, run: () => Promise<string>) {
  const c = process.cpuUsage();
  const t = performance.now();
  const detail = await run();
  const ms = performance.now() - t;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms wall ${cpu(c).padStart(6)} ms cpu  target < ${target} ms  ${ms < target ? "ok" : "OVER"}  ${detail}`,
  );
}

async function main() {
  await freshDatabase();
  await getDb();
  await seedDemo({ plantOnly: true });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const texts = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
  const kevText = fs.readFileSync(kevFile, "utf8");
  const actor = cliActor();
  console.log(
    `database: ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}; ${files.length} advisories in ${dir}`,
  );

  // The validator compiles its JSON schemas once per process (a server pays it at its first import).
  await timed("load the CSAF validator (once)", 5000, async () => {
    await csafProblems({});
    return "";
  });
  await timed(`import ${files.length} advisories (first time)`, 5000, async () => {
    let matches = 0;
    for (const [i, text] of texts.entries())
      matches += (await importAdvisory(actor, parseIntakeText(text, files[i]!))).matches.length;
    return `${matches} matches`;
  });
  await timed(`re-import the same (unchanged)`, 5000, async () => {
    let unchanged = 0;
    for (const [i, text] of texts.entries())
      if ((await importAdvisory(actor, parseIntakeText(text, files[i]!))).outcome === "unchanged")
        unchanged++;
    return `${unchanged} unchanged`;
  });
  await timed("KEV catalog import", 2000, async () => {
    const r = await importKevCatalog(actor, parseIntakeText(kevText, "KEV"));
    return `${r.count} entries`;
  });
  await closeDb();
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const name = url.pathname.slice(1);
    url.pathname = "/postgres";
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

void main();

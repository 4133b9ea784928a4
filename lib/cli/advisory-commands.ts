import fs from "node:fs";
import path from "node:path";
import { cliActor } from "@/lib/auth/resolve";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";
import { importKevCatalog } from "@/lib/services/advisories/import-kev";
import { parseIntakeText, tooLarge } from "@/lib/services/advisories/intake-text";
import { MAX_INTAKE_BYTES } from "@/lib/schemas/advisories";
import { ServiceError, isServiceError } from "@/lib/services/base/errors";
import type { Command } from "./commands";

function readFileText(file: string, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ServiceError("invalid", `${file}: no such file.`);
  }
  if (stat.size > MAX_INTAKE_BYTES) throw tooLarge(`${path.basename(file)} (${what})`);
  return fs.readFileSync(file, "utf8");
}

function filesOf(target: string): string[] {
  if (!fs.existsSync(target)) throw new ServiceError("invalid", `${target}: no such file or folder.`);
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => f.toLowerCase().endsWith(".json"))
    .sort()
    .map((f) => path.join(target, f));
}

const OUTCOME = {
  created: "imported",
  updated: "updated to a newer revision",
  unchanged: "already imported, unchanged",
};

export const ADVISORY_COMMANDS: Record<string, Command> = {
  "advisory:import": {
    usage: "<file or folder>   CSAF 2.0 advisories (each file all or nothing)",
    options: {},
    async run(_v, positionals) {
      const [target] = positionals;
      if (!target) throw new ServiceError("invalid", "Name a CSAF file or a folder of them.");
      const files = filesOf(target);
      if (!files.length) throw new ServiceError("invalid", `${target}: no .json files.`);
      const failed: string[] = [];
      for (const file of files) {
        const name = path.basename(file);
        try {
          const doc = parseIntakeText(readFileText(file, "advisory"), name);
          const r = await importAdvisory(cliActor(), doc);
          const affected = r.matches.filter((m) => m.status === "affected").length;
          const unknown = r.matches.filter((m) => m.status === "unknown").length;
          console.log(
            `${name}: ${r.advisory.trackingId} revision ${r.advisory.revision} ${OUTCOME[r.outcome]}; ${affected} affected, ${unknown} to decide`,
          );
        } catch (e) {
          if (!isServiceError(e)) throw e;
          failed.push(name);
          console.error(`${name}: ${e.message}`);
        }
      }
      if (failed.length)
        throw new ServiceError(
          "invalid",
          `${failed.length} of ${files.length} files refused: ${failed.join(", ")}`,
        );
    },
  },
  "advisory:kev-import": {
    usage: "<file>   CISA Known Exploited Vulnerabilities catalog (JSON)",
    options: {},
    async run(_v, positionals) {
      const [file] = positionals;
      if (!file) throw new ServiceError("invalid", "Name the KEV catalog file.");
      const r = await importKevCatalog(
        cliActor(),
        parseIntakeText(readFileText(file, "KEV catalog"), path.basename(file)),
      );
      console.log(
        r.changed
          ? `KEV catalog ${r.catalogVersion} imported: ${r.count} entries (${r.added} new, ${r.removed} removed)`
          : `KEV catalog ${r.catalogVersion} was already imported; nothing changed`,
      );
    },
  },
};

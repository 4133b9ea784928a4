import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { decideMatch } from "@/lib/services/advisories/decide-match";
import { draftChanges } from "@/lib/services/advisories/draft-changes";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";

/**
 * WAGO PFC200 (the refinery's tank-farm gateway: the rules cannot tell from its version, a person
 * decides) and ControlLogix/GuardLogix 5580 (the pharma plant's AS/RS PLC, affected).
 */
export const DEMO_ADVISORIES = ["icsa-23-325-01", "icsa-24-226-03"] as const;

/** The shared corpus: INTERLOCK_CSAF_DIR, else ../shared/csaf beside the checkout (as in CI). */
export function csafDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(process.cwd(), env.INTERLOCK_CSAF_DIR ?? "../shared/csaf");
}

export type AdvisorySeed = { imported: string[]; draftedChanges: string[] } | { skipped: string };

/**
 * The corporate security lead imports the two advisories (matching runs on import), the refinery's
 * security approver settles the match the rules left open, and the refinery's requester drafts the
 * change. Without the corpus the plant is seeded all the same, and the caller says why the
 * advisories are missing.
 */
export async function seedDemoAdvisories(
  people: { importer: Actor; assessor: Actor; requester: Actor },
  dir = csafDir(),
): Promise<AdvisorySeed> {
  const files = DEMO_ADVISORIES.map((name) => path.join(dir, `${name}.json`));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length)
    return { skipped: `no CSAF advisories at ${dir} (set INTERLOCK_CSAF_DIR to the folder)` };
  const results = [];
  for (const file of files)
    results.push(await importAdvisory(people.importer, JSON.parse(fs.readFileSync(file, "utf8"))));
  const wago = results[0]!;
  for (const m of wago.matches.filter((x) => x.status === "unknown" && x.siteCode === "GCR")) {
    await decideMatch(people.assessor, wago.advisory.id, {
      assetId: m.assetId,
      status: "affected",
      reason: `${m.asset.tag} runs firmware ${m.asset.version}, inside the range the advisory lists as affected.`,
    });
  }
  const imported = results.map((r) => r.advisory);
  const drafted = await draftChanges(people.requester, wago.advisory.id);
  return {
    imported: imported.map((a) => a.trackingId),
    draftedChanges: drafted.changes.map((c) => c.number),
  };
}

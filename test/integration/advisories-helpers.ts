import fs from "node:fs";
import path from "node:path";

// A CSAF document as tests edit it: loosely typed on purpose, the validator checks it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** The shared corpus beside the checkout (CI: ../shared/csaf); INTERLOCK_CSAF_DIR overrides. */
export const CSAF_DIR = path.resolve(__dirname, "../..", process.env.INTERLOCK_CSAF_DIR ?? "../shared/csaf");
export const KEV_FILE = path.resolve(CSAF_DIR, "../kev/known_exploited_vulnerabilities.json");

export const csafText = (name: string) => fs.readFileSync(path.join(CSAF_DIR, `${name}.json`), "utf8");
export const csaf = (name: string) => JSON.parse(csafText(name)) as Doc;
export const kevText = () => fs.readFileSync(KEV_FILE, "utf8");

/** Revision 2 of an advisory: a later release, one more CVE and one more remediation. */
export function nextRevision(doc: Doc, cve = "CVE-2024-99001") {
  const next = structuredClone(doc);
  const t = next.document.tracking;
  t.version = "2";
  t.current_release_date = "2024-03-01T07:00:00.000000Z";
  t.revision_history.push({ date: t.current_release_date, number: "2", summary: "Added a vulnerability" });
  const v = structuredClone(next.vulnerabilities[0]);
  v.cve = cve;
  v.remediations = [
    ...v.remediations,
    {
      category: "workaround",
      details: "Disable the affected service until patched.",
      product_ids: v.remediations[0].product_ids,
    },
  ];
  next.vulnerabilities.push(v);
  return next;
}

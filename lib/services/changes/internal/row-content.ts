import type { ChangeRow } from "./load";

// The change's own fields as stored, copied once: the policy facts, the signed content, the edit
// snapshot and the view each start from these instead of listing the columns again.

/** What the requester judged about impact and evidence: the facts the risk and policy rules read. */
export function judgedFacts(row: ChangeRow) {
  return {
    testedOnTestBench: row.testedOnTestBench,
    vendorQualified: row.vendorQualified,
    expectedDowntimeMinutes: row.expectedDowntimeMinutes,
    productionImpact: row.productionImpact,
    safetyImpact: row.safetyImpact,
    safetyBypassRequired: row.safetyBypassRequired,
  };
}

/** The change's words and judgements: what a signature covers, less its assets and instants. */
export function statedContent(row: ChangeRow) {
  return {
    type: row.type,
    class: row.class,
    title: row.title,
    description: row.description,
    justification: row.justification,
    references: row.references,
    implementationPlan: row.implementationPlan,
    backoutPlan: row.backoutPlan,
    testNotes: row.testNotes,
    ...judgedFacts(row),
  };
}

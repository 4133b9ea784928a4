import "server-only";
import { eq } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { changeIntegrityChecks, users } from "@/db/schema";
import { isoUtc } from "@/lib/domain/changes";
import { integrityRefusal, integritySummary, type IntegrityCheck } from "@/lib/domain/changes/supply-chain";
import type { IntegrityCheckView } from "@/lib/types/changes";

type Row = typeof changeIntegrityChecks.$inferSelect;

/** The stored row as the rule reads it. */
export function integrityOfRow(r: Row): IntegrityCheck {
  return r.method === "sha256"
    ? {
        method: "sha256",
        fileName: r.fileName,
        computedSha256: r.computedSha256 ?? "",
        publishedSha256: r.publishedSha256 ?? "",
      }
    : {
        method: "signature",
        fileName: r.fileName,
        signatureValid: r.signatureValid === true,
        signatureDetail: r.signatureDetail ?? "",
      };
}

/** The check as recorded (the schema lower-cases the hashes), with who and when. */
export async function recordIntegrityCheck(
  tx: Tx,
  changeId: string,
  check: IntegrityCheck,
  recordedBy: string,
  now: Date,
): Promise<void> {
  await tx.insert(changeIntegrityChecks).values({
    changeId,
    fileName: check.fileName,
    method: check.method,
    ...(check.method === "sha256"
      ? { computedSha256: check.computedSha256, publishedSha256: check.publishedSha256 }
      : { signatureValid: check.signatureValid, signatureDetail: check.signatureDetail }),
    recordedBy,
    recordedAt: now,
  });
}

/** What the trail keeps of a check: everything the auditor needs without the table. */
export function integrityAuditDetails(check: IntegrityCheck) {
  return { ...check, passed: integrityRefusal(check) === null };
}

export async function loadIntegrityCheck(tx: Executor, changeId: string): Promise<IntegrityCheckView | null> {
  const [r] = await tx
    .select({ check: changeIntegrityChecks, name: users.name, email: users.email })
    .from(changeIntegrityChecks)
    .innerJoin(users, eq(users.id, changeIntegrityChecks.recordedBy))
    .where(eq(changeIntegrityChecks.changeId, changeId));
  if (!r) return null;
  const c = r.check;
  const check = integrityOfRow(c);
  return {
    method: c.method,
    fileName: c.fileName,
    computedSha256: c.computedSha256,
    publishedSha256: c.publishedSha256,
    signatureValid: c.signatureValid,
    signatureDetail: c.signatureDetail,
    passed: integrityRefusal(check) === null,
    summary: integritySummary(check),
    recordedByName: r.name,
    recordedByEmail: r.email,
    recordedAt: isoUtc(c.recordedAt),
  };
}

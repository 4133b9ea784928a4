"use server";
import type { VerifyResult } from "@/lib/audit/verify-chain";
import { requireActor } from "@/lib/auth/session";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import { isServiceError } from "@/lib/services/base/errors";

export type VerifyChainState =
  { ok: true; verdict: VerifyResult; checkedAt: string } | { ok: false; message: string };

export async function verifyChainAction(): Promise<VerifyChainState> {
  const actor = await requireActor();
  try {
    const verdict = await verifyAudit(actor);
    return { ok: true, verdict, checkedAt: new Date().toISOString() };
  } catch (e) {
    if (isServiceError(e)) return { ok: false, message: e.message };
    console.error("[audit] chain verification failed", e);
    return {
      ok: false,
      message: "The check could not be completed. Try again; if it keeps failing, tell your administrator.",
    };
  }
}

"use server";
import { revalidatePath } from "next/cache";
import { dayStartUtc } from "@/lib/audit/display-time";
import { requireActor } from "@/lib/auth/session";
import { createCheckpoint } from "@/lib/services/audit/create-checkpoint";
import { attempt } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import type { VerifyReport } from "@/lib/types/audit";

/** Days are whole days in `zone`, the "to" day included; blank days leave that end open. */
export async function verifyTrailAction(period: {
  from: string;
  to: string;
  zone: string;
}): Promise<FormResult<VerifyReport>> {
  const actor = await requireActor();
  const from = period.from ? dayStartUtc(period.from, period.zone) : "";
  const to = period.to ? dayStartUtc(period.to, period.zone, 1) : "";
  if (from === null || to === null)
    return { ok: false, message: "Enter the days as dates, e.g. 2026-03-14." };
  return attempt("audit verification", () => verifyAudit(actor, { from, to }));
}

export async function sealNowAction(): Promise<{ ok: boolean; message: string }> {
  const actor = await requireActor();
  const sealed = await attempt("audit checkpoint", () => createCheckpoint(actor));
  if (!sealed.ok) return sealed;
  revalidatePath("/audit/verify");
  return { ok: true, message: `Checkpoint #${sealed.data.id} seals event #${sealed.data.eventId}.` };
}

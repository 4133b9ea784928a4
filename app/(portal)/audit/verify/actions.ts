"use server";
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { dayStartUtc } from "@/lib/audit/display-time";
import { requireActor } from "@/lib/auth/session";
import { createCheckpoint } from "@/lib/services/audit/create-checkpoint";
import { verifyAudit, type VerifyReport } from "@/lib/services/audit/verify-audit";
import { isServiceError } from "@/lib/services/base/errors";

export type VerifyTrailState = { ok: true; report: VerifyReport } | { ok: false; message: string };

function failure(e: unknown, what: string): { ok: false; message: string } {
  if (e instanceof ZodError) return { ok: false, message: e.issues.map((i) => i.message).join(" ") };
  if (isServiceError(e)) return { ok: false, message: e.message };
  console.error(`[audit] ${what} failed`, e);
  return {
    ok: false,
    message: `The ${what} could not be completed. Try again; if it keeps failing, tell your administrator.`,
  };
}

/** Days are whole days in `zone`, the "to" day included; blank days leave that end open. */
export async function verifyTrailAction(period: {
  from: string;
  to: string;
  zone: string;
}): Promise<VerifyTrailState> {
  const actor = await requireActor();
  const from = period.from ? dayStartUtc(period.from, period.zone) : "";
  const to = period.to ? dayStartUtc(period.to, period.zone, 1) : "";
  if (from === null || to === null)
    return { ok: false, message: "Enter the days as dates, e.g. 2026-03-14." };
  try {
    return { ok: true, report: await verifyAudit(actor, { from, to }) };
  } catch (e) {
    return failure(e, "verification");
  }
}

export async function sealNowAction(): Promise<{ ok: boolean; message: string }> {
  const actor = await requireActor();
  try {
    const row = await createCheckpoint(actor);
    revalidatePath("/audit/verify");
    return { ok: true, message: `Checkpoint #${row.id} seals event #${row.eventId}.` };
  } catch (e) {
    return failure(e, "checkpoint");
  }
}

"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireActor } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { decideApplicability } from "@/lib/services/advisories/decide-applicability";
import { decideMatch } from "@/lib/services/advisories/decide-match";
import { draftChanges } from "@/lib/services/advisories/draft-changes";
import { extendMitigationPlan } from "@/lib/services/advisories/extend-plan";
import { recordMitigationPlan } from "@/lib/services/advisories/record-plan";

async function run<T>(id: string, work: () => Promise<T>): Promise<FormResult<T>> {
  try {
    const data = await work();
    revalidatePath(`/advisories/${id}`);
    return { ok: true, data };
  } catch (e) {
    return formFailure(e, "advisories");
  }
}

export async function decideMatchAction(id: string, values: unknown) {
  const actor = await requireActor();
  return run(id, async () => {
    await decideMatch(actor, String(id), values as never);
    return null;
  });
}

export async function decideApplicabilityAction(id: string, values: unknown) {
  const actor = await requireActor();
  return run(id, async () => {
    await decideApplicability(actor, String(id), values as never);
    return null;
  });
}

export async function recordPlanAction(id: string, values: unknown) {
  const actor = await requireActor();
  return run(id, async () => {
    await recordMitigationPlan(actor, String(id), values as never);
    return null;
  });
}

export async function extendPlanAction(id: string, values: unknown) {
  const actor = await requireActor();
  const ip = clientIp(await headers());
  return run(id, async () => {
    await extendMitigationPlan(actor, String(id), values as never, { ip });
    return null;
  });
}

export async function draftChangesAction(id: string) {
  const actor = await requireActor();
  return run(id, async () => {
    const r = await draftChanges(actor, String(id));
    return { changes: r.changes.map((c) => ({ id: c.id, number: c.number })), skipped: r.skipped };
  });
}

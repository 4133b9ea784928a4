"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { ActionOutcome } from "@/components/ui/confirm-action";
import { requireActor } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { attempt } from "@/lib/http/form-result";
import type { ProposeModelInput, RetireModelInput, ReviseModelInput } from "@/lib/schemas/catalog";
import type { SignoffInput, SignoffIntent } from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import { proposeModel } from "@/lib/services/catalog/propose-model";
import { retireModel } from "@/lib/services/catalog/retire-model";
import { reviseModel } from "@/lib/services/catalog/revise-model";
import { signModel } from "@/lib/services/catalog/sign-model";
import { beginSsoModelSignature } from "@/lib/services/sso/begin-sso-model-signature";

export async function proposeModelAction(input: ProposeModelInput): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt("catalog", async () => ({ id: (await proposeModel(actor, input)).id }));
  if (result.ok) revalidatePath("/catalog");
  return result;
}

export async function reviseModelAction(
  id: string,
  input: ReviseModelInput,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt("catalog", async () => ({ id: (await reviseModel(actor, id, input)).id }));
  if (result.ok) revalidatePath(`/catalog/${id}`);
  return result;
}

/** The change board's e-signature from the shared sign dialog: the model takes its decision, comment, password and hash. */
export async function signModelAction(id: string, input: SignoffInput): Promise<FormResult<null>> {
  const actor = await requireActor();
  const h = await headers();
  const { decision, comment, password, contentHash } = input;
  return attempt("catalog", async () => {
    await signModel(
      actor,
      id,
      { decision, comment, password, contentHash },
      { ip: clientIp(h), userAgent: h.get("user-agent") },
    );
    return null;
  });
}

/** A single sign-on board member signs at the identity provider: the answer is its login page. */
export async function beginSsoModelSignAction(
  id: string,
  input: SignoffIntent,
): Promise<FormResult<{ url: string }>> {
  const actor = await requireActor();
  const { decision, comment, contentHash } = input;
  return attempt("catalog", () => beginSsoModelSignature(actor, id, { decision, comment, contentHash }));
}

export async function retireModelAction(id: string, input: RetireModelInput): Promise<ActionOutcome> {
  const actor = await requireActor();
  const result = await attempt("catalog", () => retireModel(actor, id, input));
  if (result.ok) revalidatePath(`/catalog/${id}`);
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

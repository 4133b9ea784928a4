"use server";
import { headers } from "next/headers";
import { attempt, formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { requireActor } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import type {
  CloseChangeInput,
  CompleteChangeInput,
  ExtendTemporaryInput,
  ExtensionSignoffInput,
  SignoffInput,
  SignoffIntent,
  TransitionReasonInput,
} from "@/lib/schemas/changes";
import { cancelChange } from "@/lib/services/changes/cancel";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { requestExtension } from "@/lib/services/changes/request-extension";
import { reviseChange } from "@/lib/services/changes/revise";
import { signExtension } from "@/lib/services/changes/sign-extension";
import { signChange } from "@/lib/services/changes/sign";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { beginSsoSignature } from "@/lib/services/sso/begin-sso-signature";
import type { ChangeView, ClientInfo, GateResult } from "@/lib/types/changes";

async function client(): Promise<ClientInfo> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent") };
}

type Done = FormResult<{ state: ChangeView["state"]; version: number }>;

async function run(call: () => Promise<ChangeView>, message: string): Promise<Done> {
  try {
    const c = await call();
    return { ok: true, data: { state: c.state, version: c.version }, message };
  } catch (e) {
    return formFailure(e, "changes");
  }
}

export async function requestExtensionAction(id: string, input: ExtendTemporaryInput): Promise<Done> {
  const actor = await requireActor();
  return run(() => requestExtension(actor, id, input), "Extension asked for: its sign-offs are awaited.");
}

export async function signExtensionAction(id: string, input: ExtensionSignoffInput): Promise<Done> {
  const actor = await requireActor();
  const info = await client();
  return run(() => signExtension(actor, id, input, info), "Extension signed.");
}

export async function submitAction(id: string): Promise<Done> {
  const actor = await requireActor();
  return run(() => submitChange(actor, id), "Submitted for approval.");
}

export async function signAction(id: string, input: SignoffInput): Promise<Done> {
  const actor = await requireActor();
  const info = await client();
  return run(() => signChange(actor, id, input, info), "Signed.");
}

/** An SSO signer's sign-off starts at the identity provider: the answer is its login page. */
export async function beginSsoSignAction(
  id: string,
  input: SignoffIntent,
): Promise<FormResult<{ url: string }>> {
  const actor = await requireActor();
  return attempt("changes", () => beginSsoSignature(actor, id, input));
}

export async function reviseAction(id: string, input: TransitionReasonInput): Promise<Done> {
  const actor = await requireActor();
  return run(() => reviseChange(actor, id, input), "Back to draft for revision.");
}

export async function cancelAction(id: string, input: TransitionReasonInput): Promise<Done> {
  const actor = await requireActor();
  return run(() => cancelChange(actor, id, input), "Cancelled.");
}

export async function startAction(id: string): Promise<Done> {
  const actor = await requireActor();
  const info = await client();
  return run(() => startChange(actor, id, info), "Implementation started.");
}

export async function completeAction(id: string, input: CompleteChangeInput): Promise<Done> {
  const actor = await requireActor();
  return run(() => completeChange(actor, id, input), "Outcome recorded.");
}

export async function closeAction(id: string, input: CloseChangeInput): Promise<Done> {
  const actor = await requireActor();
  return run(() => closeChange(actor, id, input), "Closed.");
}

/** A dry run of the deployment gate (audited as one), now or at a chosen instant. */
export async function evaluateGateAction(id: string, at: string | null): Promise<FormResult<GateResult>> {
  const actor = await requireActor();
  const info = await client();
  try {
    return { ok: true, data: await evaluateGateFor(actor, id, at, info) };
  } catch (e) {
    return formFailure(e, "changes");
  }
}

"use server";
import { requireActor } from "@/lib/auth/session";
import { attempt } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { createDelegation } from "@/lib/services/delegations/create-delegation";
import { revokeDelegation } from "@/lib/services/delegations/revoke-delegation";

// Thin adapters: the rules, the lock and the audit live in the services.

export async function createDelegationAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("delegation", async () => (await createDelegation(actor, values as never), null));
}

export async function revokeDelegationAction(id: string): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("delegation", async () => (await revokeDelegation(actor, String(id)), null));
}

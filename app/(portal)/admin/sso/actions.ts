"use server";
import { requireActor } from "@/lib/auth/session";
import { attempt } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { createRoleMapping } from "@/lib/services/sso/create-mapping";
import { decideHeldRole } from "@/lib/services/sso/decide-held-role";
import { deleteRoleMapping } from "@/lib/services/sso/delete-mapping";

// Thin adapters: administrators only, validation and the audit live in the services.

export async function createMappingAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("admin", async () => (await createRoleMapping(actor, values as never), null));
}

export async function deleteMappingAction(id: string): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("admin", async () => (await deleteRoleMapping(actor, String(id)), null));
}

export async function decideHeldRoleAction(id: string, decision: string): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("admin", async () => (await decideHeldRole(actor, String(id), { decision }), null));
}

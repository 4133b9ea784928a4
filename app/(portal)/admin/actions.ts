"use server";
import { requireActor } from "@/lib/auth/session";
import { attempt } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { revokeToken } from "@/lib/services/tokens/revoke-token";
import { createUser } from "@/lib/services/users/create-user";
import { grantRole } from "@/lib/services/users/grant-role";
import { resetPassword } from "@/lib/services/users/reset-password";
import { revokeRole } from "@/lib/services/users/revoke-role";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { describeRevoked } from "@/lib/domain/revoked-access";

// Thin adapters: every rule (administrators only, validation, audit) lives in the services.

export async function createUserAction(values: unknown): Promise<FormResult<{ email: string }>> {
  const actor = await requireActor();
  return attempt("admin", async () => ({ email: (await createUser(actor, values as never)).email }));
}

export async function setUserDisabledAction(email: string, disabled: boolean): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("admin", async () => (await setUserDisabled(actor, String(email), disabled === true), null));
}

export async function resetPasswordAction(
  email: string,
  values: unknown,
): Promise<FormResult<{ revoked: string }>> {
  const actor = await requireActor();
  return attempt("admin", async () => ({
    revoked: describeRevoked(await resetPassword(actor, String(email), values as never), false),
  }));
}

export async function grantRoleAction(email: string, values: unknown): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("admin", async () => (await grantRole(actor, String(email), values as never), null));
}

export async function revokeRoleAction(email: string, siteCode: string, role: string): Promise<FormResult> {
  const actor = await requireActor();
  return attempt(
    "admin",
    async () => (
      await revokeRole(actor, String(email), { siteCode: String(siteCode), role: String(role) }),
      null
    ),
  );
}

export async function revokeUserTokenAction(id: string): Promise<FormResult> {
  const actor = await requireActor();
  return attempt("admin", async () => (await revokeToken(actor, String(id)), null));
}

export async function createSiteAction(values: unknown): Promise<FormResult<{ code: string }>> {
  const actor = await requireActor();
  return attempt("admin", async () => ({ code: (await createSite(actor, values as never)).code }));
}

export async function createAreaAction(
  siteCode: string,
  values: unknown,
): Promise<FormResult<{ code: string }>> {
  const actor = await requireActor();
  return attempt("admin", async () => ({
    code: (await createArea(actor, String(siteCode), values as never)).code,
  }));
}

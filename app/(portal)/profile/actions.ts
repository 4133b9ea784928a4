"use server";
import { requireActor } from "@/lib/auth/session";
import { formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { createToken } from "@/lib/services/tokens/create-token";
import { revokeToken } from "@/lib/services/tokens/revoke-token";
import { changePassword } from "@/lib/services/users/change-password";
import { describeRevoked } from "@/lib/domain/revoked-access";

export interface NewToken {
  name: string;
  token: string;
  expiresAt: string;
}

export async function createTokenAction(values: unknown): Promise<FormResult<NewToken>> {
  const actor = await requireActor();
  try {
    const t = await createToken(actor, values as never);
    return { ok: true, data: { name: t.name, token: t.token, expiresAt: t.expiresAt.toISOString() } };
  } catch (e) {
    return formFailure(e, "profile");
  }
}

export async function revokeOwnTokenAction(id: string): Promise<FormResult> {
  const actor = await requireActor();
  try {
    await revokeToken(actor, String(id));
    return { ok: true, data: null };
  } catch (e) {
    return formFailure(e, "profile");
  }
}

export async function changePasswordAction(values: unknown): Promise<FormResult<{ revoked: string }>> {
  const actor = await requireActor();
  try {
    const revoked = await changePassword(actor, values as never);
    return { ok: true, data: { revoked: describeRevoked(revoked) } };
  } catch (e) {
    return formFailure(e, "profile");
  }
}

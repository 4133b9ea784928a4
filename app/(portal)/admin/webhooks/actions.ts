"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-secret";
import { sendTestWebhook } from "@/lib/services/webhooks/send-test";

async function run<T>(what: string, fn: () => Promise<T>): Promise<FormResult<T>> {
  try {
    const data = await fn();
    revalidatePath("/admin/webhooks", "layout");
    return { ok: true, data };
  } catch (e) {
    return formFailure(e, what);
  }
}

export async function createWebhookAction(values: unknown): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  return run("webhooks", async () => ({ id: (await createWebhook(actor, values as never)).id }));
}

export async function rotateSecretAction(id: string, values: unknown): Promise<FormResult<null>> {
  const actor = await requireActor();
  return run("webhooks", async () => {
    await rotateWebhookSecret(actor, String(id), values as never);
    return null;
  });
}

export async function sendTestAction(id: string): Promise<FormResult<{ deliveryId: string }>> {
  const actor = await requireActor();
  return run("webhooks", () => sendTestWebhook(actor, String(id)));
}

export async function deleteWebhookAction(id: string): Promise<FormResult<null>> {
  const actor = await requireActor();
  return run("webhooks", async () => {
    await deleteWebhook(actor, String(id));
    return null;
  });
}

export async function redeliverAction(deliveryId: string): Promise<FormResult<{ deliveryId: string }>> {
  const actor = await requireActor();
  return run("webhooks", () => redeliverWebhook(actor, String(deliveryId)));
}

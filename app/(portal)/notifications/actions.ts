"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { markAllNotificationsRead } from "@/lib/services/notifications/mark-all-read";
import { markNotificationRead } from "@/lib/services/notifications/mark-read";
import { setNotificationPreference } from "@/lib/services/notifications/set-preference";

export async function markReadAction(id: string): Promise<FormResult> {
  const actor = await requireActor();
  try {
    await markNotificationRead(actor, String(id));
    revalidatePath("/notifications");
    return { ok: true, data: null };
  } catch (e) {
    return formFailure(e, "notifications");
  }
}

export async function markAllReadAction(): Promise<FormResult<{ count: number }>> {
  const actor = await requireActor();
  try {
    const count = await markAllNotificationsRead(actor);
    revalidatePath("/notifications");
    return { ok: true, data: { count } };
  } catch (e) {
    return formFailure(e, "notifications");
  }
}

export async function setPreferenceAction(values: unknown): Promise<FormResult> {
  const actor = await requireActor();
  try {
    await setNotificationPreference(actor, values as never);
    revalidatePath("/notifications/preferences");
    return { ok: true, data: null };
  } catch (e) {
    return formFailure(e, "notification preferences");
  }
}

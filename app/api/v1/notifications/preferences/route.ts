import { apiRoute, readJson } from "@/lib/http/api";
import type { SetPreferenceInput } from "@/lib/schemas/notifications";
import { listNotificationPreferences } from "@/lib/services/notifications/list-preferences";
import { setNotificationPreference } from "@/lib/services/notifications/set-preference";

export const GET = apiRoute(async ({ actor }) => ({ items: await listNotificationPreferences(actor) }));

export const PUT = apiRoute(async ({ req, actor }) => {
  await setNotificationPreference(actor, (await readJson(req)) as SetPreferenceInput);
  return { items: await listNotificationPreferences(actor) };
});

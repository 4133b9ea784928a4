import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { isServiceError } from "@/lib/services/base/errors";
import { getWindow } from "@/lib/services/schedule/get-window";
import type { WindowView } from "@/lib/types/schedule";
import { getSiteByCode } from "@/lib/services/sites/get-site";

/** The window and its site's areas; a window the actor cannot see is a 404 page. */
export async function loadWindow(
  actor: Actor,
  id: string,
): Promise<{
  window: WindowView;
  siteId: string;
  siteName: string;
  areas: { code: string; name: string }[];
}> {
  try {
    const w = await getWindow(actor, id);
    const site = await getSiteByCode(actor, w.siteCode);
    return {
      window: w,
      siteId: site.id,
      siteName: site.name,
      areas: site.areas.map((a) => ({ code: a.code, name: a.name })),
    };
  } catch (e) {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

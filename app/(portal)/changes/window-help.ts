import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { listSiteContacts } from "@/lib/services/sites/list-contacts";

/** For the change form: who opens windows at the sites where the actor drafts changes. */
export async function windowHelp(actor: Actor) {
  return {
    contacts: await listSiteContacts(actor, sitesWithPermission(actor, "change.create"), ["change_manager"]),
    mayOpenWindow: sitesWithPermission(actor, "window.manage").length > 0,
  };
}

import { WhoCanHelp } from "@/components/changes/who-can-help";
import type { SiteContact } from "@/lib/types/sites";

/** The change managers who can act on a site's catalog (or any site's, when siteCode is null). */
export function WhoManages({
  siteCode,
  contacts,
}: {
  siteCode: string | null;
  contacts: readonly SiteContact[];
}) {
  return (
    <WhoCanHelp
      help={[{ role: "change_manager", siteCode }]}
      contacts={contacts}
      // Underlined: the names are links inside a sentence (axe link-in-text-block).
      className="text-xs text-slate-700 [&_a]:underline"
    />
  );
}

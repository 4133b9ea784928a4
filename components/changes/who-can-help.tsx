import { type SiteRole } from "@/lib/domain/constants";
import type { HelpRole } from "@/lib/domain/changes/who-can-help";
import type { SiteContact } from "@/lib/types/sites";
import { ROLE_LABELS } from "@/lib/domain/labels";
import { withArticle } from "@/lib/domain/changes/wording";

/** The people behind help roles, one per person, at the named site or any site of the change. */
export function contactsFor(help: readonly HelpRole[], contacts: readonly SiteContact[]): SiteContact[] {
  const out = new Map<string, SiteContact>();
  for (const h of help) {
    for (const c of contacts) {
      if (c.role === h.role && (h.siteCode === null || c.siteCode === h.siteCode)) {
        out.set(`${c.email}|${c.role}`, c);
      }
    }
  }
  return [...out.values()];
}

/** "Who can help: Elena Brooks (Change manager, GCR)" with mail links; the role alone when nobody holds it. */
export function WhoCanHelp({
  help,
  contacts,
  className,
}: {
  help: readonly HelpRole[];
  contacts: readonly SiteContact[];
  className?: string;
}) {
  if (help.length === 0) return null;
  const people = contactsFor(help, contacts);
  const roles = [...new Set(help.map((h) => h.role))] as SiteRole[];
  return (
    <p className={className ?? "text-xs text-slate-700"} data-testid="who-can-help">
      <span className="font-medium">Who can help: </span>
      {people.length ? (
        people.map((p, i) => (
          <span key={`${p.email}|${p.role}`}>
            {i > 0 ? ", " : ""}
            <a href={`mailto:${p.email}`}>{p.name}</a> ({ROLE_LABELS[p.role].toLowerCase()}, {p.siteCode})
          </span>
        ))
      ) : (
        <span>
          {roles.map((r) => withArticle(ROLE_LABELS[r].toLowerCase())).join(" or ")} at this site (nobody
          holds the role yet: ask an administrator)
        </span>
      )}
    </p>
  );
}

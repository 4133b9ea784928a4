import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { type SiteRole } from "@/lib/domain/constants";
import { ROLE_LABELS } from "@/lib/domain/labels";
import { joinList, withArticle } from "@/lib/domain/changes/wording";

/**
 * A page the reader holds no role for: which role opens it and who can grant it, rather than a
 * bare 404. Shows nothing of the page's data.
 */
export function RoleRequired({
  title,
  what,
  roles,
  isAdmin,
  email,
}: {
  title: string;
  /** What the page is for, as a sentence fragment ("the audit trail of your sites"). */
  what: string;
  roles: readonly SiteRole[];
  isAdmin: boolean;
  email: string;
}) {
  const needed = joinList(
    roles.map((r) => withArticle(ROLE_LABELS[r].toLowerCase())),
    "or",
  );
  return (
    <>
      <PageHeader title={title} />
      <Card className="max-w-2xl space-y-2 p-4 text-sm text-slate-800">
        <p data-testid="role-required">
          This page shows {what}. It opens to {needed} of a site, and you do not hold{" "}
          {roles.length === 1 ? "that role" : roles.length === 2 ? "either role" : "any of these roles"} at
          any site.
        </p>
        {isAdmin ? (
          <p>
            Administrators manage accounts but see no site&apos;s records by virtue of being administrators.
            If you need this page,{" "}
            <Link href={`/admin/users/${encodeURIComponent(email)}`} className="underline">
              grant yourself the role
            </Link>{" "}
            at the site in question: the grant is recorded in the trail.
          </p>
        ) : (
          <p>Ask an administrator to grant you one of these roles at your site.</p>
        )}
      </Card>
    </>
  );
}

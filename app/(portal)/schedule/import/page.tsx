import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { RunImport } from "@/components/schedule/run-import";
import { requireActor } from "@/lib/auth/session";
import { hasSitePermission } from "@/lib/auth/permissions";
import { importRunsAction } from "../actions";
import { chooseSite, one } from "../site-choice";

export const metadata: Metadata = { title: "Import production runs" };

export default async function ImportRunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const actor = await requireActor();
  const { site } = await chooseSite(actor, one(sp.site));
  if (!site) notFound();
  return (
    <>
      <PageHeader
        title="Import production runs"
        description={`${site.name} (${site.code}) · times in site time, ${site.timeZone.replace(/_/g, " ")}. All or nothing: one bad cell and nothing is written.`}
        actions={
          <Button asChild variant="secondary">
            <Link href={`/schedule?site=${site.code}`}>Back to schedule</Link>
          </Button>
        }
      />
      {hasSitePermission(actor, "production.manage", site.id) ? (
        <Card className="p-4">
          <RunImport siteCode={site.code} run={importRunsAction.bind(null, site.code)} />
        </Card>
      ) : (
        <Alert tone="warning">
          Only operations approvers and change managers at {site.code} may import the production schedule.
        </Alert>
      )}
    </>
  );
}

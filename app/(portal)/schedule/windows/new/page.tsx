import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, PageHeader } from "@/components/ui/card";
import { WindowForm } from "@/components/schedule/window-form";
import { requireActor } from "@/lib/auth/session";
import { hasSitePermission } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { defaultWindowStart } from "@/lib/domain/schedule/time";
import { createWindowAction } from "../../actions";
import { chooseSite, one } from "../../site-choice";

export const metadata: Metadata = { title: "New window" };

export default async function NewWindowPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const actor = await requireActor();
  const { site } = await chooseSite(actor, one(sp.site));
  if (!site) notFound();
  const now = currentTime();
  return (
    <>
      <PageHeader
        title="New maintenance window or blackout"
        description={`${site.name} (${site.code}) · times in site time, ${site.timeZone.replace(/_/g, " ")}`}
      />
      {hasSitePermission(actor, "window.manage", site.id) ? (
        <WindowForm
          site={{
            code: site.code,
            timeZone: site.timeZone,
            areas: site.areas.map((a) => ({ code: a.code, name: a.name })),
          }}
          now={now.toISOString()}
          defaultStart={defaultWindowStart(now, site.timeZone)}
          submit={createWindowAction.bind(null, site.code)}
          cancelHref={`/schedule?site=${site.code}`}
        />
      ) : (
        <Alert tone="warning">
          Only a change manager at {site.code} may define maintenance windows and blackouts.
        </Alert>
      )}
    </>
  );
}

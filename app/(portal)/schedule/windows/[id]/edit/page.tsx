import type { Metadata } from "next";
import { Alert, PageHeader } from "@/components/ui/card";
import { WindowForm } from "@/components/schedule/window-form";
import { requireActor } from "@/lib/auth/session";
import { hasSitePermission } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { updateWindowAction } from "../../../actions";
import { loadWindow } from "../load-window";

export const metadata: Metadata = { title: "Edit window" };

export default async function EditWindowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const { window: w, siteId, areas } = await loadWindow(actor, id);
  const now = currentTime();
  return (
    <>
      <PageHeader
        title={`Edit ${w.title}`}
        description={`${w.siteCode} · times in site time, ${w.timeZone.replace(/_/g, " ")}`}
      />
      {hasSitePermission(actor, "window.manage", siteId) ? (
        <WindowForm
          site={{ code: w.siteCode, timeZone: w.timeZone, areas }}
          initial={w}
          now={now.toISOString()}
          defaultStart={w.start}
          submit={updateWindowAction.bind(null, w.id, w.sequence)}
          cancelHref={`/schedule/windows/${w.id}`}
        />
      ) : (
        <Alert tone="warning">Only a change manager at {w.siteCode} may change this window.</Alert>
      )}
    </>
  );
}

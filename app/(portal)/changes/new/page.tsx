import type { Metadata } from "next";
import { ChangeForm } from "@/components/changes/form/change-form";
import { Card, PageHeader } from "@/components/ui/card";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { windowHelp } from "../window-help";
import { implementerCandidates } from "@/lib/services/changes/list-implementer-candidates";
import { listSites } from "@/lib/services/sites/list-sites";
import { listUsableModels } from "@/lib/services/catalog/list-usable-models";
import { checkSlotAction, createChangeAction, proposeSlotsAction, searchAssetsAction } from "../actions";

export const metadata: Metadata = { title: "New change" };

export default async function NewChangePage() {
  const actor = await requireActor();
  const requestable = new Set(sitesWithPermission(actor, "change.create"));
  const sites = (await listSites(actor)).filter((s) => requestable.has(s.id));
  const home = sites[0];
  if (!home) {
    return (
      <>
        <PageHeader title="New change" />
        <Card className="p-4 text-sm text-slate-700">
          Only a requester or change manager may draft a change, and you hold neither role at any site.
        </Card>
      </>
    );
  }
  const [candidates, models] = await Promise.all([implementerCandidates(actor), listUsableModels(actor)]);
  return (
    <>
      <PageHeader
        title="New change"
        description="Saved as a draft; nobody is asked to sign until you submit it."
      />
      <ChangeForm
        defaultZone={{ zone: home.timeZone, siteCode: home.code, siteName: home.name }}
        candidates={candidates}
        search={searchAssetsAction}
        save={createChangeAction}
        models={models}
        slotTools={{ check: checkSlotAction, propose: proposeSlotsAction, help: await windowHelp(actor) }}
      />
    </>
  );
}

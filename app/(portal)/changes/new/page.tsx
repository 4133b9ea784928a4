import type { Metadata } from "next";
import { ChangeForm } from "@/components/changes/form/change-form";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";
import { followUpStart } from "../follow-up";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { windowHelp } from "../window-help";
import { implementerCandidates } from "@/lib/services/changes/list-implementer-candidates";
import { listSites } from "@/lib/services/sites/list-sites";
import { listUsableModels } from "@/lib/services/catalog/list-usable-models";
import { checkSlotAction, createChangeAction, proposeSlotsAction, searchAssetsAction } from "../actions";

export const metadata: Metadata = { title: "New change" };

export default async function NewChangePage({
  searchParams,
}: {
  searchParams: Promise<{ follows?: string }>;
}) {
  const { follows } = await searchParams;
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
  const [candidates, models, followUp] = await Promise.all([
    implementerCandidates(actor),
    listUsableModels(actor),
    follows ? followUpStart(actor, follows) : null,
  ]);
  const start = followUp?.ok ? followUp : null;
  return (
    <>
      <PageHeader
        title={start ? `Follow-up to ${start.follows.number}` : "New change"}
        description="Saved as a draft; nobody is asked to sign until you submit it."
      />
      {followUp && !followUp.ok ? (
        <div className="mb-4">
          <Alert tone="warning" title="This draft starts empty">
            {followUp.message}
          </Alert>
        </div>
      ) : null}
      {start ? (
        <div className="mb-4">
          <Alert tone="info" title={`Follows ${start.follows.number}: ${start.follows.title}`}>
            <p>
              {start.follows.number} {CHANGE_STATE_LABELS[start.follows.state].toLowerCase()}. Its content and
              assets are copied here: revise the plan with what was learned, book a new slot and name the
              implementer. The new change keeps the link to {start.follows.number}.
            </p>
            {start.outcomeNotes ? <p className="mt-1">Outcome notes: {start.outcomeNotes}</p> : null}
          </Alert>
        </div>
      ) : null}
      <ChangeForm
        initialValues={start?.values}
        initialAssets={start?.assets}
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

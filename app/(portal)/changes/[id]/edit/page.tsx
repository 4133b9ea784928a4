import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeForm } from "@/components/changes/form/change-form";
import { listUsableModels } from "@/lib/services/catalog/list-usable-models";
import { Alert, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { windowHelp } from "../../window-help";
import { submittedOnce } from "@/lib/domain/changes/scope-editor";
import { getChange } from "@/lib/services/changes/get";
import { implementerCandidates } from "@/lib/services/changes/list-implementer-candidates";
import { isServiceError } from "@/lib/services/base/errors";
import {
  checkSlotAction,
  loadForEditAction,
  proposeSlotsAction,
  searchAssetsAction,
  updateChangeAction,
} from "../../actions";
import { editableFromView } from "../../editable";

export const metadata: Metadata = { title: "Edit change" };

export default async function EditChangePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const change = await getChange(actor, id).catch((e: unknown) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const edit = change.availableActions.find((a) => a.action === "edit");
  if (!edit?.available) {
    return (
      <>
        <PageHeader title={`Edit ${change.number}`} />
        <Alert tone="warning" title="This change cannot be edited now">
          <p>{edit?.reason ?? "Editing is not available."}</p>
          <p className="mt-1">
            <Link href={`/changes/${change.id}`}>Back to {change.number}</Link>
          </p>
        </Alert>
      </>
    );
  }
  const [editable, candidates] = await Promise.all([
    editableFromView(actor, change),
    implementerCandidates(actor),
  ]);
  const signed = change.signoffs.some((s) => s.currentRound && !s.superseded);
  const first = change.sites[0];
  // PRODUCT.md "Separation of duties": whoever edits the scope after submission is a requester.
  const becomesRequester =
    actor.userId !== null &&
    change.requesterEmail !== actor.email &&
    submittedOnce({ ...change, signoffCount: change.signoffs.length });
  return (
    <>
      <PageHeader
        title={`Edit ${change.number}`}
        description={
          signed
            ? "Editing the scope (assets, type, plans, impact) supersedes every sign-off; moving the slot supersedes operations and change-board sign-offs."
            : `Version ${change.version}.`
        }
      />
      {becomesRequester ? (
        <div className="mb-4">
          <Alert tone="info" title="Editing the scope makes you a requester of this change">
            This change has been submitted. If you change its scope (assets, type, plans, test notes, impact),
            you count as one of its requesters from then on and may not sign it; {change.requesterName}{" "}
            remains its requester. Moving only the slot or the implementer does not.
          </Alert>
        </div>
      ) : null}
      <ChangeForm
        existing={editable}
        defaultZone={
          first
            ? { zone: first.timeZone, siteCode: first.code, siteName: first.name }
            : { zone: "UTC", siteCode: "", siteName: "UTC" }
        }
        candidates={candidates}
        search={searchAssetsAction}
        save={updateChangeAction.bind(null, change.id)}
        reload={loadForEditAction}
        models={await listUsableModels(actor)}
        slotTools={{ check: checkSlotAction, propose: proposeSlotsAction, help: await windowHelp(actor) }}
      />
    </>
  );
}

import { CopyPlus, Pencil, Play } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { signoffMeaning } from "@/lib/domain/changes";
import { onBehalfMeaning } from "@/lib/domain/delegation/signing";
import type {
  CloseChangeInput,
  CompleteChangeInput,
  SignoffInput,
  TransitionReasonInput,
} from "@/lib/schemas/changes";
import type { ChangeUiAction, ChangeView, GateResult } from "@/lib/types/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import type { SiteContact } from "@/lib/types/sites";
import { CloseDialog } from "./dialogs/close-dialog";
import { CompleteDialog } from "./dialogs/complete-dialog";
import { ReasonDialog } from "./dialogs/reason-dialog";
import { SignDialog, type SignChoice, type SsoSigning } from "./dialogs/sign-dialog";
import { StartDialog } from "./dialogs/start-dialog";
import { SubmitDialog } from "./dialogs/submit-dialog";
import { GateReasonList } from "./gate-reasons";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

type R = Promise<FormResult<unknown>>;

export interface ChangeActions {
  submit: () => R;
  sign: (input: SignoffInput) => R;
  revise: (input: TransitionReasonInput) => R;
  cancel: (input: TransitionReasonInput) => R;
  start: () => R;
  evaluate: (at: string | null) => Promise<FormResult<GateResult>>;
  complete: (input: CompleteChangeInput) => R;
  close: (input: CloseChangeInput) => R;
}

const ACTION_NAMES: Record<ChangeUiAction, string> = {
  edit: "Edit",
  submit: "Submit",
  cancel: "Cancel",
  revise: "Revise",
  sign: "Sign",
  start: "Start implementation",
  complete: "Record outcome",
  close: "Close",
};

export function signChoices(change: ChangeView): SignChoice[] {
  return change.signOptions
    .filter((o) => o.available)
    .map((o) => {
      const siteName = o.siteCode
        ? (change.sites.find((s) => s.code === o.siteCode)?.name ?? o.siteCode)
        : null;
      // Operations signs for one site; the others for the change as a whole.
      const meaningSite = o.role === "operations" ? siteName : null;
      return {
        role: o.role,
        siteCode: o.role === "operations" ? o.siteCode : null,
        label: `${SIGNOFF_ROLE_LABELS[o.role]}${meaningSite ? ` for ${meaningSite}` : ""}${o.onBehalfOfName ? `, on behalf of ${o.onBehalfOfName}` : ""}`,
        meaning: {
          approve: onBehalfMeaning(signoffMeaning(o.role, "approve", meaningSite), o.onBehalfOfName),
          reject: onBehalfMeaning(signoffMeaning(o.role, "reject", meaningSite), o.onBehalfOfName),
        },
        acknowledge: o.acknowledge,
      };
    });
}

/** Offers only what this user may do now; everything else is listed with the reason. */
export function ActionBar({
  change,
  zone,
  signerName,
  actions,
  contacts,
  ssoSigning = null,
  followUp = false,
}: {
  change: ChangeView;
  zone: string;
  signerName: string;
  actions: ChangeActions;
  /** People at the change's sites, named where a refusal says who can help. */
  contacts: readonly SiteContact[];
  /** For a single sign-on signer: signing goes through the identity provider. */
  ssoSigning?: SsoSigning | null;
  /** A failed or rolled-back change, and the user may draft changes at a site of it: offer the follow-up. */
  followUp?: boolean;
}) {
  const avail = new Map(change.availableActions.map((a) => [a.action, a]));
  const can = (a: ChangeUiAction) => avail.get(a)?.available === true;
  const start = avail.get("start");
  // An approved change whose gate is closed shows Start disabled with the gate's reasons: a
  // click could only add another refusal to the trail.
  const startBlocked = change.state === "approved" && !can("start");
  const choices = signChoices(change);
  const onlyPssr = choices.length > 0 && choices.every((c) => c.role === "pssr");
  const unavailable = change.availableActions.filter(
    (a) => !a.available && !(a.action === "start" && startBlocked),
  );
  const awaited = change.requiredSignoffs.map(
    (r) =>
      `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}${r.retrospective ? " — may follow within 72 h" : ""}`,
  );
  const pssrSigned = change.signoffs.find(
    (s) => s.role === "pssr" && s.currentRound && !s.superseded && s.decision === "approve",
  );

  return (
    <div className="mb-4 space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="action-bar">
      <h2 className="sr-only">Actions</h2>
      <div className="flex flex-wrap items-center gap-2">
        {can("submit") ? (
          <SubmitDialog number={change.number} awaited={awaited} act={actions.submit} contacts={contacts} />
        ) : null}
        {can("sign") && choices.length ? (
          <SignDialog
            number={change.number}
            signerName={signerName}
            options={choices}
            contentHash={change.contentHash}
            zone={zone}
            sign={actions.sign}
            sso={ssoSigning}
            triggerLabel={onlyPssr ? "Sign PSSR" : "Sign"}
          />
        ) : null}
        {can("start") ? (
          <StartDialog number={change.number} zone={zone} evaluate={actions.evaluate} start={actions.start} />
        ) : null}
        {startBlocked ? (
          <Button variant="primary" disabled aria-describedby="start-blocked">
            <Play className="size-4" aria-hidden="true" />
            Start implementation
          </Button>
        ) : null}
        {can("complete") ? (
          <CompleteDialog
            number={change.number}
            pssrRequired={change.pssrRequired}
            integrityRequired={change.integrityRequired}
            act={actions.complete}
          />
        ) : null}
        {can("close") ? (
          <CloseDialog
            number={change.number}
            assets={change.assets}
            pssr={
              change.pssrRequired ? { signed: Boolean(pssrSigned), by: pssrSigned?.signerName ?? null } : null
            }
            act={actions.close}
          />
        ) : null}
        {followUp ? (
          <Button asChild variant="primary">
            <Link href={`/changes/new?follows=${change.id}`}>
              <CopyPlus className="size-4" aria-hidden="true" />
              Draft a follow-up change
            </Link>
          </Button>
        ) : null}
        {can("edit") ? (
          <Button asChild>
            <Link href={`/changes/${change.id}/edit`}>
              <Pencil className="size-4" aria-hidden="true" />
              Edit
            </Link>
          </Button>
        ) : null}
        {can("revise") ? (
          <ReasonDialog
            trigger="Revise"
            title={`Revise ${change.number}`}
            description="Returns the change to draft so you can edit it; resubmitting starts a new approval round."
            confirm="Back to draft"
            act={actions.revise}
          />
        ) : null}
        {can("cancel") ? (
          <ReasonDialog
            trigger="Cancel change"
            title={`Cancel ${change.number}`}
            description="A cancelled change cannot be reopened; draft a new one if needed."
            confirm="Cancel the change"
            danger
            act={actions.cancel}
          />
        ) : null}
        {change.availableActions.every((a) => !a.available) && !startBlocked && !followUp ? (
          <p className="text-sm text-slate-700">Nothing for you to do on this change now.</p>
        ) : null}
      </div>
      {startBlocked ? (
        <div
          id="start-blocked"
          className="rounded-md border border-amber-300 bg-amber-50 p-3"
          data-testid="start-blocked"
        >
          <p className="mb-1.5 text-sm font-medium text-slate-900">
            Implementation cannot start now. The deployment gate is closed because:
          </p>
          {start?.reasons?.length ? (
            <GateReasonList reasons={start.reasons} zone={zone} contacts={contacts} />
          ) : (
            <p className="text-sm text-slate-800">{start?.reason}</p>
          )}
        </div>
      ) : null}
      {unavailable.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Why other actions are unavailable</summary>
          <dl className="mt-2 space-y-1">
            {unavailable.map((a) => (
              <div key={a.action} className="grid gap-x-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
                <dt className="font-medium text-slate-900">{ACTION_NAMES[a.action]}</dt>
                <dd className="text-slate-700">{a.reason}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}

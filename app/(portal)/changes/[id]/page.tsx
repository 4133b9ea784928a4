import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActionBar } from "@/components/changes/action-bar";
import { ActionNotice, NOTICES, type NoticeKind } from "@/components/changes/action-notice";
import { ChangeHeader } from "@/components/changes/change-header";
import { ExtensionPanel } from "@/components/changes/extension-panel";
import { GatePanel } from "@/components/changes/gate-panel";
import { HistoryList } from "@/components/changes/history-list";
import { Overview } from "@/components/changes/overview";
import { SignoffsPanel } from "@/components/changes/signoffs-panel";
import { TrailLink } from "@/components/changes/trail-link";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { followUpRefusal } from "@/lib/domain/changes";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { requireActor } from "@/lib/auth/session";
import { getChange } from "@/lib/services/changes/get";
import { changeHistory } from "@/lib/services/changes/list-history";
import { isServiceError } from "@/lib/services/base/errors";
import { listGateChecks } from "@/lib/services/gate-checks/list-gate-checks";
import { GateCheckTable } from "@/components/audit/gate-check-table";
import type { GateCheckView } from "@/lib/types/audit";
import { listSiteContacts } from "@/lib/services/sites/list-contacts";
import { getReauthResume } from "@/lib/services/sso/get-reauth-resume";
import {
  cancelAction,
  closeAction,
  completeAction,
  evaluateGateAction,
  beginSsoSignAction,
  requestExtensionAction,
  reviseAction,
  signAction,
  signExtensionAction,
  startAction,
  submitAction,
} from "./actions";

// One load per request, shared by the page and its title.
const loadChange = cache(async (id: string) => load(getChange(await requireActor(), id)));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const change = await loadChange((await params).id);
  return { title: `${change.number} ${change.title}` };
}

const TABS = ["overview", "signoffs", "gate", "history"] as const;

/** The change's gate-check log for readers of the trail at every site of it; null for everyone else. */
async function gateChecksOf(actor: Awaited<ReturnType<typeof requireActor>>, number: string) {
  try {
    return await listGateChecks(actor, { change: number, limit: 20 });
  } catch (e) {
    if (isServiceError(e) && (e.code === "forbidden" || e.code === "not_found")) return null;
    throw e;
  }
}

async function load<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (isServiceError(e) && (e.code === "not_found" || e.code === "invalid")) notFound();
    throw e;
  });
}

export default async function ChangePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string; done?: string; reauth?: string }>;
}) {
  const [{ id }, { tab, done, reauth }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const change = await loadChange(id);
  const [history, checks, contacts] = await Promise.all([
    load(changeHistory(actor, change.id, { limit: 500 })),
    gateChecksOf(actor, change.number),
    listSiteContacts(
      actor,
      change.sites.map((s) => s.id),
      ["requester", "operations", "safety", "security", "change_manager", "quality"],
    ),
  ]);
  const helpers = contacts.filter((c) => c.email !== actor.email);
  const notice = (NOTICES as readonly string[]).includes(done ?? "") ? (done as NoticeKind) : null;
  const zone = change.sites[0]?.timeZone ?? "UTC";
  // The trail shows a change's events to readers of every site it touches (lib/services/audit/scope).
  const readsTrail = change.sites.every((s) => sitesWithPermission(actor, "audit.view").includes(s.id));
  // A single sign-on signer signs by signing in again at the provider (and may be back from it).
  const ssoSigning =
    actor.authMethod === "oidc"
      ? {
          provider: oidcConfig()?.displayName ?? "your identity provider",
          begin: beginSsoSignAction.bind(null, change.id),
          resume: await getReauthResume(actor, change.id, reauth),
        }
      : null;
  const initialTab = (TABS as readonly string[]).includes(tab ?? "") ? tab! : "overview";

  return (
    <>
      {notice ? <ActionNotice kind={notice} change={change} /> : null}
      <ChangeHeader change={change} zone={zone} contacts={helpers} />
      <ActionBar
        contacts={helpers}
        change={change}
        zone={zone}
        signerName={actor.name}
        ssoSigning={ssoSigning}
        followUp={
          followUpRefusal(change.state) === null &&
          change.sites.some((s) => sitesWithPermission(actor, "change.create").includes(s.id))
        }
        actions={{
          submit: submitAction.bind(null, change.id),
          sign: signAction.bind(null, change.id),
          revise: reviseAction.bind(null, change.id),
          cancel: cancelAction.bind(null, change.id),
          start: startAction.bind(null, change.id),
          evaluate: evaluateGateAction.bind(null, change.id),
          complete: completeAction.bind(null, change.id),
          close: closeAction.bind(null, change.id),
        }}
      />
      <ExtensionPanel
        change={change}
        zone={zone}
        request={requestExtensionAction.bind(null, change.id)}
        sign={signExtensionAction.bind(null, change.id)}
      />
      <Tabs key={initialTab} defaultValue={initialTab}>
        <TabsList label="Change sections">
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="signoffs">
            Sign-offs ({change.requiredSignoffs.filter((r) => r.satisfied).length}/
            {change.requiredSignoffs.length})
          </TabsTrigger>
          <TabsTrigger value="gate">Deployment gate</TabsTrigger>
          <TabsTrigger value="history">History ({history.items.length})</TabsTrigger>
        </TabsList>
        <TabsContent value="overview">
          <Overview change={change} zone={zone} />
        </TabsContent>
        <TabsContent value="signoffs">
          <SignoffsPanel change={change} zone={zone} />
        </TabsContent>
        <TabsContent value="gate">
          <GatePanel
            zone={zone}
            initial={null}
            evaluate={evaluateGateAction.bind(null, change.id)}
            log={checks ? <GateCheckLog checks={checks} number={change.number} zone={zone} /> : null}
          />
        </TabsContent>
        <TabsContent value="history">
          {readsTrail ? <TrailLink number={change.number} /> : null}
          <HistoryList events={history.items} zone={zone} />
        </TabsContent>
      </Tabs>
    </>
  );
}

function GateCheckLog({
  checks,
  number,
  zone,
}: {
  checks: { items: GateCheckView[]; nextCursor: string | null };
  number: string;
  zone: string;
}) {
  return (
    <section aria-labelledby="gate-log" className="space-y-2 border-t border-slate-200 pt-3">
      <h3 id="gate-log" className="text-sm font-semibold text-slate-900">
        Gate checks (dry runs, newest first)
      </h3>
      <GateCheckTable
        items={checks.items}
        zone={zone}
        caption={`Gate checks of ${number}`}
        showChange={false}
      />
      {checks.nextCursor ? (
        <Link className="text-sm text-blue-800 underline" href={`/audit/gate-checks?change=${number}`}>
          All gate checks of {number}
        </Link>
      ) : null}
    </section>
  );
}

import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ModelStatusBadge, VersionStateBadge } from "@/components/catalog/badges";
import { ModelContent } from "@/components/catalog/model-content";
import { WhoManages } from "@/components/catalog/who-manages";
import { RetireDialog } from "@/components/catalog/retire-dialog";
import { VersionsTable } from "@/components/catalog/versions-table";
import { StateBadge } from "@/components/changes/badges";
import { SignDialog } from "@/components/changes/dialogs/sign-dialog";
import { SiteTime } from "@/components/changes/site-time";
import { Button } from "@/components/ui/button";
import { Alert, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { requireActor } from "@/lib/auth/session";
import { modelSignoffMeaning } from "@/lib/domain/catalog/signing";
import { listSiteContacts } from "@/lib/services/sites/list-contacts";
import { listSites } from "@/lib/services/sites/list-sites";
import { getReauthResume } from "@/lib/services/sso/get-reauth-resume";
import type { ModelVersionView, ModelView } from "@/lib/types/catalog";
import { beginSsoModelSignAction, retireModelAction, signModelAction } from "../actions";
import { loadModel } from "./load";

export const metadata: Metadata = { title: "Standard change model" };

const DONE: Record<string, string> = {
  proposed: "Model proposed. It is usable once another change manager of the site signs it for the board.",
  revised:
    "New version saved. The change board must approve it; the approved version stays in use until then.",
  signed: "Signed for the change board: the version is approved and new standard changes may follow it.",
  rejected: "Rejected for the change board, with your signature.",
};

function VersionCard({
  m,
  v,
  title,
  actions,
}: {
  m: ModelView;
  v: ModelVersionView;
  title: string;
  actions?: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader
        title={title}
        description={
          <>
            <VersionStateBadge state={v.state} /> Proposed by {v.proposedByName},{" "}
            <SiteTime at={v.proposedAt} zone={m.timeZone} />
            {v.approvedAt ? (
              <>
                {" "}
                · approved <SiteTime at={v.approvedAt} zone={m.timeZone} />
              </>
            ) : null}
          </>
        }
        actions={actions}
      />
      {v.title !== m.title ? (
        <p className="border-b border-slate-100 px-4 py-2 text-sm">
          <span className="text-xs font-medium text-slate-600">Title in this version: </span>
          {v.title}
        </p>
      ) : null}
      <ModelContent content={v} />
    </Card>
  );
}

export default async function ModelPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; reauth?: string }>;
}) {
  const [{ id }, { done, reauth }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const m = await loadModel(id);
  const site = (await listSites(actor)).find((s) => s.code === m.siteCode);
  const contacts = site
    ? (await listSiteContacts(actor, [site.id], ["change_manager"])).filter((c) => c.email !== actor.email)
    : [];
  const pending = m.versions.find((v) => v.state === "proposed") ?? null;
  const approved = m.versions.find((v) => v.version === m.approvedVersion) ?? null;
  // A retired model shows what it allowed when it was last in use.
  const lastApproved = m.retiredAt ? (m.versions.find((v) => v.approvedAt !== null) ?? null) : null;
  const shown = approved ?? lastApproved ?? (pending ? null : m.versions[0]!);
  const refusals = [
    !m.canRevise.ok && !m.retiredAt ? m.canRevise.reason : null,
    !m.canSign.ok && pending ? m.canSign.reason : null,
  ].filter((r, i, all): r is string => r !== null && all.indexOf(r) === i);
  // A single sign-on member signs by signing in again at the provider, as for a change sign-off.
  const sso =
    actor.authMethod === "oidc"
      ? {
          provider: oidcConfig()?.displayName ?? "your identity provider",
          begin: beginSsoModelSignAction.bind(null, m.id),
          resume: await getReauthResume(actor, m.id, reauth),
        }
      : null;
  const signButton =
    pending && m.canSign.ok ? (
      <SignDialog
        number={`${m.code} v${pending.version}`}
        signerName={actor.name}
        triggerLabel="Sign for the board"
        description={`Your signature covers version ${pending.version} of the model exactly as shown on this page.`}
        options={[
          {
            role: "change_board",
            siteCode: null,
            label: `Change board of ${m.siteName}`,
            meaning: {
              approve: modelSignoffMeaning("approve", { ...m, version: pending.version }),
              reject: modelSignoffMeaning("reject", { ...m, version: pending.version }),
            },
            acknowledge: [],
          },
        ]}
        contentHash={pending.contentHash}
        zone={m.timeZone}
        sign={signModelAction.bind(null, m.id)}
        sso={sso}
      />
    ) : null;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-600">
        <Link href="/catalog">Standard change catalog</Link> <span aria-hidden="true">/</span> {m.code}
      </nav>
      <PageHeader
        title={`${m.code} ${m.title}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <ModelStatusBadge status={m.status} />
            <span>{m.siteName}</span>
            <span aria-hidden="true">·</span>
            <span>
              {m.approvedVersion
                ? `Version ${m.approvedVersion} in use`
                : m.retiredAt
                  ? "No new standard change may follow it"
                  : "No approved version: no standard change may follow it yet"}
            </span>
          </span>
        }
        actions={
          <>
            {m.canRevise.ok ? (
              <Button asChild>
                <Link href={`/catalog/${m.id}/edit`}>
                  <Pencil className="size-4" aria-hidden="true" />
                  Edit
                </Link>
              </Button>
            ) : null}
            {m.canRetire.ok ? (
              <RetireDialog code={m.code} action={retireModelAction.bind(null, m.id)} />
            ) : null}
          </>
        }
      />
      <div className="space-y-4">
        {done && DONE[done] ? <Alert tone="success" title={DONE[done]} /> : null}
        {m.retiredAt ? (
          <Alert tone="info" title="Retired: no new standard change may follow this model">
            Retired <SiteTime at={m.retiredAt} zone={m.timeZone} />
            {m.retiredByName ? ` by ${m.retiredByName}` : ""}
            {m.retiredReason ? `: ${m.retiredReason}` : ""}. Changes already approved under it may still run.
          </Alert>
        ) : null}
        {refusals.length ? (
          <Card className="space-y-1 p-4 text-sm text-slate-800" data-testid="catalog-refusals">
            {refusals.map((r) => (
              <p key={r}>{r}.</p>
            ))}
            <WhoManages siteCode={m.siteCode} contacts={contacts} />
          </Card>
        ) : null}
        {pending ? (
          <VersionCard
            m={m}
            v={pending}
            title={`Version ${pending.version}: awaiting the change board`}
            actions={signButton}
          />
        ) : null}
        {shown ? (
          <VersionCard
            m={m}
            v={shown}
            title={
              approved
                ? `What version ${shown.version} allows`
                : shown === lastApproved
                  ? `What version ${shown.version} allowed until the model was retired`
                  : `Version ${shown.version}: not usable`
            }
          />
        ) : null}
        <section aria-labelledby="versions-heading" className="space-y-2">
          <h2 id="versions-heading" className="text-base font-semibold text-slate-900">
            Versions
          </h2>
          <VersionsTable versions={m.versions} zone={m.timeZone} />
        </section>
        <section aria-labelledby="changes-heading" className="space-y-2">
          <h2 id="changes-heading" className="text-base font-semibold text-slate-900">
            Standard changes following it
          </h2>
          <Table caption="Standard changes following this model">
            <thead>
              <tr>
                <Th>Change</Th>
                <Th>Title</Th>
                <Th>Model version</Th>
                <Th>State</Th>
              </tr>
            </thead>
            <tbody>
              {m.changes.length === 0 ? (
                <EmptyRow colSpan={4}>No standard change follows this model yet.</EmptyRow>
              ) : (
                m.changes.map((c) => (
                  <tr key={c.id}>
                    <Td className="whitespace-nowrap">
                      <Link href={`/changes/${c.id}`} className="font-mono text-xs">
                        {c.number}
                      </Link>
                    </Td>
                    <Td>{c.title}</Td>
                    <Td>v{c.version}</Td>
                    <Td>
                      <StateBadge state={c.state as Parameters<typeof StateBadge>[0]["state"]} />
                    </Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </section>
      </div>
    </>
  );
}

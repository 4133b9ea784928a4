import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { CreateWebhookDialog, RotateSecretDialog } from "@/components/webhooks/create-webhook-dialog";
import { RowAction } from "@/components/webhooks/row-action";
import { requireActor } from "@/lib/auth/session";
import { WEBHOOK_EVENT_LABELS } from "@/lib/domain/notifications/webhook-events";
import { formatUtc } from "@/lib/domain/site-time";
import { listSites } from "@/lib/services/sites/list-sites";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { createWebhookAction, deleteWebhookAction, rotateSecretAction, sendTestAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks · Administration" };

export default async function AdminWebhooksPage() {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const [hooks, sites] = await Promise.all([listWebhooks(actor), listSites(actor)]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Deployment tooling is told of approvals, starts, completions, cancellations, gate refusals and superseded sign-offs at a site, signed with the endpoint's secret."
        actions={<CreateWebhookDialog siteCodes={sites.map((s) => s.code)} create={createWebhookAction} />}
      />
      <Table caption="Webhook endpoints by site">
        <thead>
          <tr>
            <Th>Site</Th>
            <Th>URL</Th>
            <Th>Events</Th>
            <Th>State</Th>
            <Th>Secret</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {hooks.length === 0 ? (
            <EmptyRow colSpan={6}>
              No webhooks yet. Register one for each tool that should hear of changes.
            </EmptyRow>
          ) : (
            hooks.map((h) => (
              <tr key={h.id}>
                <Td className="font-medium">{h.siteCode}</Td>
                <Td className="max-w-72 break-all">
                  <Link href={`/admin/webhooks/${h.id}`}>{h.url}</Link>
                </Td>
                <Td>
                  <ul className="text-xs text-slate-700">
                    {h.events.map((e) => (
                      <li key={e}>{WEBHOOK_EVENT_LABELS[e]}</li>
                    ))}
                  </ul>
                </Td>
                <Td>
                  {h.active ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Switched off</Badge>}
                </Td>
                <Td className="text-xs whitespace-nowrap text-slate-600">
                  {h.secretRotatedAt
                    ? `Rotated ${formatUtc(h.secretRotatedAt)}`
                    : `Set ${formatUtc(h.createdAt)}`}
                </Td>
                <Td className="text-right">
                  {h.active ? (
                    <div className="flex flex-wrap justify-end gap-2">
                      <RowAction
                        label="Send test"
                        done="Test queued"
                        action={sendTestAction.bind(null, h.id)}
                        ariaLabel={`Send a test to ${h.url}`}
                      />
                      <RotateSecretDialog url={h.url} rotate={rotateSecretAction.bind(null, h.id)} />
                      <RowAction
                        label="Switch off"
                        done="Switched off"
                        action={deleteWebhookAction.bind(null, h.id)}
                        ariaLabel={`Switch off ${h.url}`}
                      />
                    </div>
                  ) : null}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </>
  );
}

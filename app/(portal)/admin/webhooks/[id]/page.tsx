import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { RowAction } from "@/components/webhooks/row-action";
import { requireActor } from "@/lib/auth/session";
import { formatUtc } from "@/lib/domain/site-time";
import { isServiceError } from "@/lib/services/base/errors";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { redeliverAction } from "../actions";

export const metadata: Metadata = { title: "Webhook deliveries · Administration" };

const STATE = {
  pending: <Badge tone="amber">Retrying</Badge>,
  delivered: <Badge tone="green">Delivered</Badge>,
  dead: <Badge tone="red">Gave up</Badge>,
} as const;

export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const { id } = await params;
  const hook = (await listWebhooks(actor)).find((h) => h.id === id);
  if (!hook) notFound();
  const deliveries = await listDeliveries(actor, id).catch((e: unknown) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        title="Deliveries"
        description={
          <>
            {hook.url} ({hook.siteCode}). Times in UTC.{" "}
            <Link href="/admin/webhooks" className="underline">
              All webhooks
            </Link>
          </>
        }
      />
      <Table caption="Deliveries, newest first">
        <thead>
          <tr>
            <Th>Event</Th>
            <Th>Queued</Th>
            <Th>State</Th>
            <Th>Attempts</Th>
            <Th>Last answer</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 ? (
            <EmptyRow colSpan={6}>
              Nothing delivered yet. Use “Send test” on the webhooks page to try the endpoint.
            </EmptyRow>
          ) : (
            deliveries.map((d) => (
              <tr key={d.id}>
                <Td className="font-mono text-xs">{d.eventType}</Td>
                <Td className="whitespace-nowrap">{formatUtc(d.createdAt)}</Td>
                <Td>{STATE[d.state]}</Td>
                <Td>{d.attempts}</Td>
                <Td className="max-w-80 text-xs text-slate-700">
                  {d.lastStatus ? `HTTP ${d.lastStatus}` : null}
                  {d.lastError ? <span className="block text-red-800">{d.lastError}</span> : null}
                  {d.lastAttemptAt ? (
                    <span className="block text-slate-500">{formatUtc(d.lastAttemptAt)}</span>
                  ) : null}
                </Td>
                <Td className="text-right">
                  {d.state !== "pending" && hook.active ? (
                    <RowAction
                      label="Redeliver"
                      done="Queued again"
                      action={redeliverAction.bind(null, d.id)}
                      ariaLabel={`Redeliver ${d.eventType} of ${formatUtc(d.createdAt)}`}
                    />
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

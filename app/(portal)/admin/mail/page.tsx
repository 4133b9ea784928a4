import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Alert, PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { formatUtc } from "@/lib/domain/site-time";
import { listMail } from "@/lib/services/notifications/list-mail";
import { smtpUrl } from "@/lib/services/notifications/send-mail";

export const metadata: Metadata = { title: "Mail · Administration" };

const STATE = {
  queued: <Badge tone="amber">Sending</Badge>,
  outbox: <Badge tone="blue">In the outbox</Badge>,
  sent: <Badge tone="green">Sent</Badge>,
  failed: <Badge tone="red">Failed</Badge>,
} as const;

export default async function AdminMailPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const page = await listMail(actor, { limit: 100, cursor: (await searchParams).cursor });
  return (
    <>
      <PageHeader title="Mail" description="Every notification e-mail, newest first. Times in UTC." />
      {smtpUrl() ? null : (
        <Alert tone="info" title="No SMTP server configured">
          Mail is kept here in the outbox and not sent. Set INTERLOCK_SMTP_URL (and INTERLOCK_MAIL_FROM) to
          send it.
        </Alert>
      )}
      <Table caption="Mail log and outbox">
        <thead>
          <tr>
            <Th>Queued</Th>
            <Th>To</Th>
            <Th>Subject</Th>
            <Th>State</Th>
            <Th>Message</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? (
            <EmptyRow colSpan={5}>No mail yet.</EmptyRow>
          ) : (
            page.items.map((m) => (
              <tr key={m.id}>
                <Td className="whitespace-nowrap">{formatUtc(m.createdAt)}</Td>
                <Td>{m.to}</Td>
                <Td className="font-medium">
                  {m.subject}
                  {m.hasIcs ? (
                    <span className="ml-1 text-xs text-slate-500">(with calendar file)</span>
                  ) : null}
                </Td>
                <Td>
                  {STATE[m.state]}
                  {m.lastError ? (
                    <span className="mt-1 block text-xs text-red-800">{m.lastError}</span>
                  ) : null}
                  {m.attempts > 1 ? (
                    <span className="block text-xs text-slate-500">{m.attempts} attempts</span>
                  ) : null}
                </Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer text-sm">Read</summary>
                    <pre className="mt-2 max-w-xl text-xs whitespace-pre-wrap text-slate-800">{m.text}</pre>
                  </details>
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {page.nextCursor ? (
        <p className="mt-3 text-sm">
          <Link href={`/admin/mail?cursor=${encodeURIComponent(page.nextCursor)}`}>Older mail</Link>
        </p>
      ) : null}
    </>
  );
}

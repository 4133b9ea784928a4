import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { formatUtc, isoInstant } from "@/lib/domain/site-time";
import { listUnknownAccountFailures } from "@/lib/services/auth/unknown-account-failures";

export const metadata: Metadata = { title: "Unknown-account sign-ins · Administration" };

export default async function UnknownSignInsPage() {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const rows = await listUnknownAccountFailures(actor);
  return (
    <>
      <PageHeader
        title="Sign-ins for unknown accounts"
        description="The latest 50 failed or refused sign-ins with an email that matches no account. Failed sign-ins of existing users are in the audit trail, visible to the auditors of their sites."
      />
      <Table caption="Failed sign-ins for unknown accounts, newest first">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Email entered</Th>
            <Th>Address</Th>
            <Th>Outcome</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={4}>None recorded.</EmptyRow>
          ) : (
            rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">
                  <time dateTime={isoInstant(r.at)}>{formatUtc(r.at)}</time>
                </Td>
                <Td className="break-all">{r.email ?? "—"}</Td>
                <Td className="font-mono text-xs">{r.ip ?? "—"}</Td>
                <Td>
                  {r.refused ? (
                    <Badge tone="amber">Refused by the limit</Badge>
                  ) : (
                    <Badge tone="gray">Wrong email or password</Badge>
                  )}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SealButton } from "@/components/audit/seal-button";
import { VerifyPanel } from "@/components/audit/verify-panel";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { auditTime } from "@/lib/audit/display-time";
import { auditKey } from "@/lib/audit/key";
import { filterZone, readPageFilters } from "@/lib/audit/page-filters";
import { requireActor } from "@/lib/auth/session";
import { auditSites } from "@/lib/services/audit";
import { listCheckpoints } from "@/lib/services/audit/list-checkpoints";
import { isServiceError } from "@/lib/services/base/errors";
import { sealNowAction, verifyTrailAction } from "./actions";

export const metadata: Metadata = { title: "Verify the audit trail" };

const SHOWN = 20;
const td = "border-b border-slate-100 px-3 py-1.5 text-slate-800";

export default async function VerifyPage() {
  const actor = await requireActor();
  let checkpoints;
  try {
    checkpoints = await listCheckpoints(actor, SHOWN);
  } catch (e) {
    if (isServiceError(e)) notFound();
    throw e;
  }
  const sites = await auditSites(actor);
  const { zone, label } = filterZone(readPageFilters({}).filters, sites);
  const keyed = auditKey() !== null;
  return (
    <>
      <PageHeader
        title="Verify the audit trail"
        description={
          <>
            Checks that no recorded event was altered, removed or rewritten. Back to the{" "}
            <Link href="/audit" className="underline">
              audit trail
            </Link>
            .
          </>
        }
      />
      <VerifyPanel verify={verifyTrailAction} zone={zone} zoneLabel={label} />
      <Card>
        <CardHeader
          title="Checkpoints"
          description={
            keyed
              ? "Every hour (and on demand) the portal signs the newest event's hash with a key kept outside the database. Keep a downloaded copy elsewhere: it names the hash each sealed event must still have."
              : "No checkpoint key is configured (INTERLOCK_AUDIT_KEY): the chain head is not being sealed."
          }
          actions={
            <>
              <Button asChild size="sm">
                <a href="/api/v1/audit/checkpoints" download>
                  Download checkpoints (JSON)
                </a>
              </Button>
              {keyed ? <SealButton seal={sealNowAction} /> : null}
            </>
          }
        />
        <Table caption={`The ${SHOWN} newest checkpoints`} className="rounded-none border-0">
          <thead>
            <tr>
              <Th>Checkpoint</Th>
              <Th>Signed (UTC)</Th>
              <Th>Seals event</Th>
              <Th>Event hash</Th>
              <Th>Why</Th>
            </tr>
          </thead>
          <tbody>
            {checkpoints.map((c) => (
              <tr key={c.id}>
                <td className={`${td} font-mono text-xs`}>#{c.id}</td>
                <td className={td}>{auditTime(c.at, null).utc}</td>
                <td className={`${td} font-mono text-xs`}>#{c.eventId.toLocaleString("en-US")}</td>
                <td className={`${td} font-mono text-xs`} title={c.eventHash}>
                  {c.eventHash.slice(0, 16)}…
                </td>
                <td className={td}>
                  {c.reason === "hourly" ? "Hourly" : c.reason === "on demand" ? "On demand" : c.reason}
                  {c.actorEmail ? ` · ${c.actorEmail}` : ""}
                </td>
              </tr>
            ))}
            {checkpoints.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-sm text-slate-600">
                  No checkpoints yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </Card>
    </>
  );
}

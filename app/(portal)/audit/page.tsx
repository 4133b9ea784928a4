import type { Metadata } from "next";
import { filterProblems } from "./filter-problems";
import Link from "next/link";
import { AuditEventRows, type AuditRowData } from "@/components/audit/event-rows";
import { ExportButton } from "@/components/audit/export-button";
import { AuditFilterBar, FilterErrors } from "@/components/audit/filter-bar";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Pager, Th } from "@/components/ui/table";
import { auditTime } from "@/lib/audit/display-time";
import { exportHref, filterZone, pageHref, queryInput, readPageFilters } from "@/lib/audit/page-filters";
import { requireActor } from "@/lib/auth/session";
import { rolesAllowed } from "@/lib/auth/permissions";
import { RoleRequired } from "@/components/shell/role-required";
import { auditSites, listAuditEvents, type AuditEventView } from "@/lib/services/audit";

export const metadata: Metadata = { title: "Audit trail" };

const PAGE_SIZE = 50;

function objectHref(e: AuditEventView): string | null {
  if (!e.objectId) return null;
  if (e.objectType === "change") return `/changes/${encodeURIComponent(e.objectId)}`;
  if (e.objectType === "asset") return `/assets/${encodeURIComponent(e.objectId)}`;
  return null;
}

/** Every row in the page's one zone; the hover shows the other side (UTC, or the site's clock). */
function toRow(e: AuditEventView, zone: string): AuditRowData {
  const { local, utc } = auditTime(e.at, zone === "UTC" ? null : zone);
  const hover = zone !== "UTC" ? utc : e.timeZone ? auditTime(e.at, e.timeZone).local : utc;
  return { ...e, iso: e.at, local, utc, hover, objectHref: objectHref(e) };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const sites = await auditSites(actor);
  if (sites.length === 0)
    return (
      <RoleRequired
        title="Audit trail"
        what="the audit trail of your sites"
        roles={rolesAllowed("audit.view")}
        isAdmin={actor.isAdmin}
        email={actor.email}
      />
    );

  const { filters, cursor } = readPageFilters(await searchParams);
  const { zone, label: zoneLabel } = filterZone(filters, sites);
  const { input, errors } = queryInput(filters, zone);
  let items: AuditEventView[] = [];
  let nextCursor: string | null = null;
  if (errors.length === 0) {
    try {
      ({ items, nextCursor } = await listAuditEvents(actor, { ...input, limit: PAGE_SIZE, cursor }));
    } catch (e) {
      errors.push(...filterProblems(e));
    }
  }

  const chosen = sites.find((s) => s.code === filters.site.toUpperCase());
  const zoneValue = zone === "UTC" ? "UTC" : (sites.find((s) => s.timeZone === zone)?.code ?? "UTC");
  const canExport = chosen ? chosen.canExport : sites.some((s) => s.canExport);
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every recorded action at your sites, newest first. Append-only and hash-chained."
        actions={
          <>
            <Button asChild size="sm">
              <Link href="/audit/gate-checks">Gate checks</Link>
            </Button>
            {canExport && errors.length === 0 ? (
              <>
                <Button asChild size="sm">
                  <Link href="/audit/verify">Verify the trail</Link>
                </Button>
                <ExportButton href={exportHref("csv", input)} format="csv" />
                <ExportButton href={exportHref("json", input)} format="json" />
              </>
            ) : null}
          </>
        }
      />
      <AuditFilterBar filters={filters} sites={sites} zoneLabel={zoneLabel} zoneValue={zoneValue} />
      <FilterErrors errors={errors} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead>
            <tr>
              <Th className="w-8">
                <span className="sr-only">Details</span>
              </Th>
              <Th>Time ({zoneLabel})</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Object</Th>
              <Th>Site</Th>
              <Th>Reason</Th>
            </tr>
          </thead>
          {items.map((e) => (
            <AuditEventRows key={e.id} e={toRow(e, zone)} />
          ))}
          {items.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-sm text-slate-600">
                  {errors.length ? "Fix the filters above to see events." : "No events match these filters."}
                </td>
              </tr>
            </tbody>
          ) : null}
        </table>
      </div>
      <Pager
        count={items.length}
        firstHref={cursor ? pageHref(filters) : null}
        nextHref={nextCursor ? pageHref(filters, nextCursor) : null}
      />
      {canExport ? (
        <p className="mt-3 text-xs text-slate-600">
          Exports carry the filters above, cover the sites where you are auditor, hold every matching event
          (newest first) and are themselves recorded in the trail.
        </p>
      ) : null}
    </>
  );
}

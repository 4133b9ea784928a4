import type { Metadata } from "next";
import { filterProblems } from "../filter-problems";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportButton } from "@/components/audit/export-button";
import { GateCheckFilterBar, type GateCheckPageFilters } from "@/components/audit/gate-check-filter-bar";
import { FilterErrors } from "@/components/audit/filter-bar";
import { GateCheckTable } from "@/components/audit/gate-check-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/table";
import { dayStartUtc } from "@/lib/audit/display-time";
import { filterZone, readPageFilters } from "@/lib/audit/page-filters";
import { requireActor } from "@/lib/auth/session";
import { auditSites } from "@/lib/services/audit";
import { listGateChecks } from "@/lib/services/gate-checks/list-gate-checks";
import type { GateCheckView } from "@/lib/types/audit";

export const metadata: Metadata = { title: "Gate checks" };

const KEYS = ["site", "change", "actor", "answer", "from", "to"] as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const query = (params: Record<string, string>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();

/** The gate-check log for auditors: every dry run of the deployment gate, newest first. */
export default async function GateChecksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const sites = await auditSites(actor);
  if (sites.length === 0) notFound();
  const sp = await searchParams;
  const filters = Object.fromEntries(KEYS.map((k) => [k, first(sp[k])])) as GateCheckPageFilters;
  const cursor = first(sp.cursor);
  const { zone, label } = filterZone({ ...readPageFilters({}).filters, site: filters.site }, sites);

  const errors: string[] = [];
  const input: Record<string, string> = {};
  for (const k of ["site", "change", "actor", "answer"] as const) if (filters[k]) input[k] = filters[k];
  for (const [k, plus] of [
    ["from", 0],
    ["to", 1],
  ] as const) {
    if (!filters[k]) continue;
    const at = dayStartUtc(filters[k], zone, plus);
    if (at) input[k] = at;
    else errors.push(`${k === "from" ? "From" : "To"} is not a valid date.`);
  }
  let items: GateCheckView[] = [];
  let nextCursor: string | null = null;
  if (errors.length === 0) {
    try {
      ({ items, nextCursor } = await listGateChecks(actor, { ...input, limit: 50, cursor }));
    } catch (e) {
      errors.push(...filterProblems(e));
    }
  }
  const chosen = sites.find((s) => s.code === filters.site.toUpperCase());
  const canExport = chosen ? chosen.canExport : sites.some((s) => s.canExport);
  const href = (extra: Record<string, string>) => `/audit/gate-checks?${query({ ...filters, ...extra })}`;
  const exportHref = (format: "csv" | "json") =>
    `/api/v1/audit/gate-checks/export?${query({ format, ...input })}`;
  return (
    <>
      <PageHeader
        title="Gate checks"
        description="Dry runs of the deployment gate: tools polling “may this change be deployed now?” and people opening the start dialog. Kept in an append-only log outside the hash-chained trail; real start attempts are in the trail."
        actions={
          <>
            <Button asChild size="sm">
              <Link href="/audit">Audit trail</Link>
            </Button>
            {canExport && errors.length === 0 ? (
              <>
                <ExportButton href={exportHref("csv")} format="csv" />
                <ExportButton href={exportHref("json")} format="json" />
              </>
            ) : null}
          </>
        }
      />
      <GateCheckFilterBar filters={filters} sites={sites} zoneLabel={label} />
      <FilterErrors errors={errors} />
      <GateCheckTable items={items} zone={zone} caption="Gate checks, newest first" />
      <Pager
        count={items.length}
        firstHref={cursor ? href({}) : null}
        nextHref={nextCursor ? href({ cursor: nextCursor }) : null}
      />
      <p className="mt-3 text-xs text-slate-600">
        Identical answers to the same caller within a minute are one entry; “Times” counts them. Exports carry
        the filters above and are recorded in the audit trail.
      </p>
    </>
  );
}

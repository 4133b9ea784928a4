import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ClassBadge, OverdueFlag, RiskBadge, StateBadge } from "@/components/changes/badges";
import { SiteTime } from "@/components/changes/site-time";
import { Button } from "@/components/ui/button";
import { Alert, PageHeader } from "@/components/ui/card";
import { Pager, SortTh, Table, Td, Th } from "@/components/ui/table";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import type { ChangeListQuery } from "@/lib/schemas/changes";
import { listChanges } from "@/lib/services/changes/list";
import type { ChangeListItem } from "@/lib/types/changes";
import { overdueRetrospectiveIds } from "@/lib/services/changes/find-overdue-retrospectives";
import { listSites } from "@/lib/services/sites/list-sites";
import { formFailure } from "@/lib/http/form-result";
import { ChangeFilters } from "./filters";
import { ColumnChooser } from "@/components/changes/column-chooser";
import {
  FILTER_KEYS,
  OPTIONAL_COLUMNS,
  chosenColumns,
  dayStart,
  listHref,
  one,
  type Search,
} from "./list-query";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const actor = await requireActor();
  const sites = await listSites(actor);
  const zoneOf = new Map(sites.map((s) => [s.code, s.timeZone]));
  const filterZone = zoneOf.get(one(sp.site).toUpperCase()) ?? sites[0]?.timeZone ?? "UTC";
  const sort = one(sp.sort) || "createdAt";
  const dir = one(sp.dir) === "asc" ? "asc" : "desc";
  const query: ChangeListQuery = {
    site: one(sp.site),
    state: one(sp.state),
    type: one(sp.type),
    class: one(sp.class),
    risk: one(sp.risk),
    requester: one(sp.requester),
    from: dayStart(one(sp.from), filterZone),
    to: dayStart(one(sp.to), filterZone, 1),
    q: one(sp.q),
    sort,
    dir,
    cursor: one(sp.cursor) || undefined,
    limit: 50,
  };
  let items: ChangeListItem[] = [];
  let nextCursor: string | null = null;
  let problem: string | null = null;
  try {
    ({ items, nextCursor } = await listChanges(actor, query));
  } catch (e) {
    const f = formFailure(e, "changes");
    problem = f.fieldErrors
      ? Object.entries(f.fieldErrors)
          .map(([k, m]) => `${k}: ${m}`)
          .join(" ")
      : f.message;
  }
  const overdue = await overdueRetrospectiveIds(
    actor,
    items.filter((c) => c.class === "emergency").map((c) => c.id),
  );
  const canCreate = sitesWithPermission(actor, "change.create").length > 0;
  const href = (s: string, d: "asc" | "desc") => listHref(sp, { sort: s, dir: d });
  const cols = chosenColumns(sp);
  const keep = [...new URLSearchParams(listHref(sp, { cols: null }).split("?")[1] ?? "").entries()];

  return (
    <>
      <PageHeader
        title="Changes"
        description="Change requests at your sites. Times in each change's site zone; UTC on hover."
        actions={
          canCreate ? (
            <Button asChild variant="primary">
              <Link href="/changes/new">
                <Plus className="size-4" aria-hidden="true" />
                New change
              </Link>
            </Button>
          ) : null
        }
      />
      <ChangeFilters sp={sp} sites={sites} />
      <div className="mb-2 flex justify-end">
        <ColumnChooser columns={OPTIONAL_COLUMNS} chosen={cols} keep={keep} />
      </div>
      {problem ? <Alert title="These filters cannot be applied">{problem}</Alert> : null}
      <Table caption="Change requests">
        <thead>
          <tr>
            <SortTh label="Number" column="number" sort={sort} dir={dir} href={href} />
            <Th>Title</Th>
            <Th>State</Th>
            {cols.has("class") ? <Th>Class</Th> : null}
            <Th>Risk</Th>
            <Th>Sites</Th>
            <SortTh label="Planned start" column="plannedStart" sort={sort} dir={dir} href={href} />
            {cols.has("requester") ? <Th>Requester</Th> : null}
            {cols.has("created") ? (
              <SortTh label="Created" column="createdAt" sort={sort} dir={dir} href={href} />
            ) : null}
            {cols.has("updated") ? (
              <SortTh label="Updated" column="updatedAt" sort={sort} dir={dir} href={href} />
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const zone = zoneOf.get(c.siteCodes[0] ?? "") ?? "UTC";
            return (
              <tr key={c.id} className="hover:bg-slate-50">
                <Td className="font-mono text-xs whitespace-nowrap">
                  <Link href={`/changes/${c.id}`}>{c.number}</Link>
                </Td>
                <Td className="min-w-40 lg:min-w-56">
                  <Link href={`/changes/${c.id}`} className="text-slate-900">
                    {c.title}
                  </Link>
                  {!cols.has("class") && c.class !== "normal" ? (
                    <span className="ml-1.5">
                      <ClassBadge cls={c.class} />
                    </span>
                  ) : null}
                  {overdue.has(c.id) ? (
                    <span className="ml-1.5">
                      <OverdueFlag label="Retrospective overdue" />
                    </span>
                  ) : null}
                </Td>
                <Td>
                  <StateBadge state={c.state} />
                </Td>
                {cols.has("class") ? (
                  <Td>
                    <ClassBadge cls={c.class} />
                  </Td>
                ) : null}
                <Td>
                  <RiskBadge risk={c.risk} />
                </Td>
                <Td>{c.siteCodes.join(", ")}</Td>
                <Td className="lg:whitespace-nowrap">
                  <SiteTime at={c.plannedStart} zone={zone} />
                </Td>
                {cols.has("requester") ? <Td className="lg:whitespace-nowrap">{c.requesterName}</Td> : null}
                {cols.has("created") ? (
                  <Td className="lg:whitespace-nowrap">
                    <SiteTime at={c.createdAt} zone={zone} />
                  </Td>
                ) : null}
                {cols.has("updated") ? (
                  <Td className="lg:whitespace-nowrap">
                    <SiteTime at={c.updatedAt} zone={zone} />
                  </Td>
                ) : null}
              </tr>
            );
          })}
          {items.length === 0 ? (
            <tr>
              <Td colSpan={6 + cols.size} className="py-6 text-center text-slate-600">
                {FILTER_KEYS.some((k) => one(sp[k])) ? (
                  <>
                    No changes match these filters. <Link href="/changes">Clear the filters</Link>
                  </>
                ) : canCreate ? (
                  <>
                    No changes at your sites yet. <Link href="/changes/new">Draft the first one</Link>
                  </>
                ) : (
                  "No changes at your sites yet."
                )}
              </Td>
            </tr>
          ) : null}
        </tbody>
      </Table>
      <Pager
        count={items.length}
        nextHref={nextCursor ? listHref(sp, { cursor: nextCursor }) : null}
        firstHref={one(sp.cursor) ? listHref(sp, {}) : null}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { KevBadge, PriorityBadge, REVIEW_LABELS, ReviewBadge } from "@/components/advisories/badges";
import { IntakeUpload } from "@/components/advisories/intake-upload";
import { Button } from "@/components/ui/button";
import { Alert, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { formatInZone } from "@/lib/domain/site-time";
import { ADVISORY_STATUSES } from "@/lib/schemas/advisories";
import { listAdvisories, type AdvisorySummary } from "@/lib/services/advisories/list";
import { isServiceError } from "@/lib/services/base/errors";
import { listSites } from "@/lib/services/sites/list-sites";
import { SiteOptions } from "@/components/ui/site-options";

export const metadata: Metadata = { title: "Advisories" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const FILTERS = ["site", "vendor", "status", "due", "kev", "sort"] as const;

const DUE_WHAT = { decision: "Decision", fix_or_plan: "Fix or plan", plan_target: "Plan target" } as const;

function DueCell({ a }: { a: AdvisorySummary }) {
  const due = a.clock?.due;
  if (!due) return <span className="text-slate-500">—</span>;
  return (
    <span className={a.clock?.overdue ? "font-medium text-red-800" : undefined}>
      {DUE_WHAT[due.what]} by {formatInZone(due.at, a.clockTimeZone ?? "UTC")}
    </span>
  );
}

function CveSummary({ a }: { a: AdvisorySummary }) {
  return (
    <>
      {a.cves.length} {a.cves.length === 1 ? "CVE" : "CVEs"}
      {a.maxCvss !== null ? `, CVSS up to ${a.maxCvss.toFixed(1)}` : ""}
      {a.knownExploited ? (
        <div className="mt-1">
          <KevBadge />
        </div>
      ) : null}
    </>
  );
}

export default async function AdvisoriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const actor = await requireActor();
  const query = Object.fromEntries(FILTERS.map((k) => [k, one(sp[k])]).filter(([, v]) => v));
  let items: AdvisorySummary[] = [];
  let problem: string | null = null;
  try {
    items = await listAdvisories(actor, query);
  } catch (e) {
    if (!isServiceError(e)) throw e;
    problem = e.message;
  }
  const sites = (await listSites(actor)).filter((s) => actor.grants.some((g) => g.siteId === s.id));
  const canImport = sitesWithPermission(actor, "advisory.import").length > 0;
  const overdue = items.filter((i) => i.clock?.overdue).length;

  return (
    <>
      <PageHeader
        title="Advisories"
        description="ICS advisories (CSAF 2.0) matched to your inventory, ranked by priority, with NERC CIP-007 R2 due dates."
      />
      {canImport ? (
        <Card className="mb-4">
          <CardHeader
            title="Import"
            description="Files are imported as they are; nothing is fetched from the internet."
          />
          <div className="grid gap-4 p-4 md:grid-cols-2">
            <IntakeUpload kind="advisory" />
            <IntakeUpload kind="kev" />
          </div>
        </Card>
      ) : null}
      <form
        method="get"
        className="mb-3 grid grid-cols-2 gap-3 md:grid-cols-4 md:items-end xl:grid-cols-7"
        aria-label="Filter advisories"
      >
        <Field id="f-site" label="Site">
          <Select name="site" defaultValue={one(sp.site)}>
            <option value="">All my sites</option>
            <SiteOptions sites={sites} />
          </Select>
        </Field>
        <Field id="f-vendor" label="Vendor">
          <Input name="vendor" defaultValue={one(sp.vendor)} placeholder="e.g. Siemens" />
        </Field>
        <Field id="f-status" label="Status">
          <Select name="status" defaultValue={one(sp.status)}>
            <option value="">Any</option>
            {ADVISORY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REVIEW_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-due" label="Due">
          <Select name="due" defaultValue={one(sp.due)}>
            <option value="">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="next30">Due within 30 days</option>
          </Select>
        </Field>
        <Field id="f-kev" label="Exploitation">
          <Select name="kev" defaultValue={one(sp.kev)}>
            <option value="">Any</option>
            <option value="yes">Known exploited</option>
          </Select>
        </Field>
        <Field id="f-sort" label="Sort by">
          <Select name="sort" defaultValue={one(sp.sort) || "priority"}>
            <option value="priority">Priority</option>
            <option value="due">Due date</option>
            <option value="released">Released</option>
            <option value="imported">Imported</option>
          </Select>
        </Field>
        <div className="flex gap-2">
          <Button type="submit" variant="primary">
            Apply
          </Button>
          <Button asChild variant="ghost">
            <Link href="/advisories">Reset</Link>
          </Button>
        </div>
      </form>
      {problem ? <Alert title="These filters cannot be applied">{problem}</Alert> : null}
      {overdue ? (
        <div className="mb-2">
          <Alert tone="warning">
            {overdue} {overdue === 1 ? "advisory is" : "advisories are"} past a CIP-007 R2 due date.
          </Alert>
        </div>
      ) : null}
      <Table caption="Imported advisories">
        <thead>
          <tr>
            <Th>Priority</Th>
            <Th>Advisory</Th>
            <Th className="hidden lg:table-cell">Vendor</Th>
            <Th className="hidden lg:table-cell">CVEs</Th>
            <Th>Your assets</Th>
            <Th>Status</Th>
            <Th className="hidden lg:table-cell">Due</Th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <Td colSpan={7} className="py-6 text-center text-slate-600">
                No advisories match these filters.
              </Td>
            </tr>
          ) : (
            items.map((a) => (
              <tr key={a.id}>
                <Td>
                  <PriorityBadge priority={a.priority} />
                </Td>
                {/* Below 1024 px vendor, CVEs and due fold into the cells beside them, so nothing
                    scrolls sideways at 820 px and the title keeps room (rows were tall and cut off). */}
                <Td className="min-w-56">
                  <Link href={`/advisories/${a.id}`} className="font-medium">
                    {a.trackingId}
                  </Link>
                  <div className="max-w-md text-xs text-slate-600">{a.title}</div>
                  {a.vendors.length ? (
                    <div className="text-xs text-slate-500 lg:hidden">{a.vendors.join(", ")}</div>
                  ) : null}
                </Td>
                <Td className="hidden text-xs lg:table-cell">{a.vendors.join(", ")}</Td>
                <Td className="hidden text-xs whitespace-nowrap lg:table-cell">
                  <CveSummary a={a} />
                </Td>
                <Td className="text-xs">
                  <span className="whitespace-nowrap">
                    {a.affected} affected
                    {a.unknown ? `, ${a.unknown} to decide` : ""}
                  </span>
                  {a.siteCodes.length ? <div className="text-slate-600">{a.siteCodes.join(", ")}</div> : null}
                  <div className="mt-1 text-slate-600 lg:hidden">
                    <CveSummary a={a} />
                  </div>
                </Td>
                <Td>
                  <ReviewBadge status={a.status} overdue={a.clock?.overdue} />
                  <div className="mt-1 text-xs lg:hidden">
                    <DueCell a={a} />
                  </div>
                </Td>
                <Td className="hidden text-xs lg:table-cell">
                  <DueCell a={a} />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-600">
        {items.length} shown. Priority weighs known exploitation, CVSS, and each asset&apos;s exposure,
        criticality and safety role; the advisory takes its highest-ranked asset.
      </p>
    </>
  );
}

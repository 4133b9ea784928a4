import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ModelStatusBadge } from "@/components/catalog/badges";
import { CatalogFilters } from "@/components/catalog/filters";
import { Button } from "@/components/ui/button";
import { Alert, PageHeader } from "@/components/ui/card";
import { EmptyRow, SortTh, Table, Td, Th } from "@/components/ui/table";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { MODEL_STATUS_LABELS } from "@/lib/domain/labels";
import { CHANGE_TYPE_LABELS } from "@/lib/domain/labels";
import { formFailure } from "@/lib/http/form-result";
import { listModels } from "@/lib/services/catalog/list-models";
import { listSites } from "@/lib/services/sites/list-sites";
import type { ModelSummary } from "@/lib/types/catalog";

export const metadata: Metadata = { title: "Standard change catalog" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

const SORTS: Record<string, (a: ModelSummary, b: ModelSummary) => number> = {
  code: (a, b) => a.siteCode.localeCompare(b.siteCode) || a.code.localeCompare(b.code),
  title: (a, b) => a.title.localeCompare(b.title),
  status: (a, b) => MODEL_STATUS_LABELS[a.status].localeCompare(MODEL_STATUS_LABELS[b.status]),
  downtime: (a, b) => a.maxDowntimeMinutes - b.maxDowntimeMinutes,
};

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const actor = await requireActor();
  const sites = await listSites(actor);
  const filters = { site: one(sp.site), state: one(sp.state), q: one(sp.q) };
  const sort = SORTS[one(sp.sort)] ? one(sp.sort) : "code";
  const dir = one(sp.dir) === "desc" ? "desc" : "asc";
  let items: ModelSummary[] = [];
  let more = false;
  let problem: string | null = null;
  try {
    // A catalog holds tens of models per site: one page of the largest size, sorted here.
    const page = await listModels(actor, { ...filters, limit: 500 });
    items = [...page.items].sort((a, b) => SORTS[sort]!(a, b) * (dir === "asc" ? 1 : -1));
    more = page.nextCursor !== null;
  } catch (e) {
    problem = formFailure(e, "catalog").message;
  }
  const manages = sitesWithPermission(actor, "catalog.manage").length > 0;
  const href = (s: string, d: "asc" | "desc") =>
    `/catalog?${new URLSearchParams({ ...filters, sort: s, dir: d }).toString()}`;
  const filtered = Boolean(filters.site || filters.state || filters.q);
  return (
    <>
      <PageHeader
        title="Standard change catalog"
        description="Kinds of work each site's change board has pre-approved. A standard change must follow an approved model version and stay within it."
        actions={
          manages ? (
            <Button asChild variant="primary">
              <Link href="/catalog/new">
                <Plus className="size-4" aria-hidden="true" />
                Propose a model
              </Link>
            </Button>
          ) : null
        }
      />
      <CatalogFilters values={filters} sites={sites.map((s) => ({ code: s.code, name: s.name }))} />
      {problem ? <Alert title="The catalog could not be filtered">{problem}</Alert> : null}
      <Table caption="Standard change models">
        <thead>
          <tr>
            <SortTh label="Model" column="code" sort={sort} dir={dir} href={href} />
            <SortTh label="Title" column="title" sort={sort} dir={dir} href={href} />
            <Th>Site</Th>
            <SortTh label="Status" column="status" sort={sort} dir={dir} href={href} />
            <Th>Current version</Th>
            <Th>Change types</Th>
            <SortTh label="Max. downtime" column="downtime" sort={sort} dir={dir} href={href} />
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <EmptyRow colSpan={7}>
              {filtered
                ? "No model matches these filters."
                : manages
                  ? "The catalog is empty: propose the first model; another change manager signs it for the board."
                  : "The catalog is empty. Your site's change managers propose models and the change board approves them."}
            </EmptyRow>
          ) : (
            items.map((m) => (
              <tr key={m.id} data-testid="model-row">
                <Td className="whitespace-nowrap">
                  <Link href={`/catalog/${m.id}`} className="font-mono text-xs font-medium">
                    {m.code}
                  </Link>
                </Td>
                <Td>
                  <Link href={`/catalog/${m.id}`} className="font-medium">
                    {m.title}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">
                  <abbr title={m.siteName} className="no-underline">
                    {m.siteCode}
                  </abbr>
                </Td>
                <Td>
                  <ModelStatusBadge status={m.status} />
                  {m.pendingVersion && m.status !== "awaiting" ? (
                    <span className="mt-0.5 block text-xs text-slate-600">
                      v{m.pendingVersion} awaits the board
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">
                  {m.approvedVersion ? (
                    `v${m.approvedVersion}`
                  ) : (
                    <span className="text-slate-600">none yet</span>
                  )}
                </Td>
                <Td>{m.changeTypes.map((t) => CHANGE_TYPE_LABELS[t]).join(", ")}</Td>
                <Td className="whitespace-nowrap">{m.maxDowntimeMinutes} min</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-600">
        {items.length} {items.length === 1 ? "model" : "models"}
        {more ? " shown (the first 500; narrow the filters to see the rest)" : ""}
      </p>
    </>
  );
}

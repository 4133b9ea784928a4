import { Download, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AssetFilters } from "@/components/assets/filters";
import { AssetTable } from "@/components/assets/asset-table";
import { Button } from "@/components/ui/button";
import { Alert, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/table";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAssets } from "@/lib/services/assets/list";
import type { AssetView } from "@/lib/services/assets/view";
import { isServiceError } from "@/lib/services/base/errors";
import { listSites } from "@/lib/services/sites/list-sites";
import { listHref, listParams, one, type Search } from "./list-query";

export const metadata: Metadata = { title: "Assets" };

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const actor = await requireActor();
  const sites = (await listSites(actor)).filter((s) => actor.grants.some((g) => g.siteId === s.id));
  const sort = one(sp.sort) || "tag";
  const dir = one(sp.dir) === "desc" ? "desc" : "asc";
  const cursor = one(sp.cursor);
  let items: AssetView[] = [];
  let nextCursor: string | null = null;
  let problem: string | null = null;
  try {
    ({ items, nextCursor } = await listAssets(actor, {
      ...Object.fromEntries(listParams(sp)),
      sort,
      dir,
      cursor: cursor || undefined,
      limit: 50,
    }));
  } catch (e) {
    if (!isServiceError(e)) throw e;
    problem = e.details.errors?.length
      ? e.details.errors.map((x) => `${x.path}: ${x.message}`).join(" ")
      : e.message;
  }
  const canView = sitesWithPermission(actor, "asset.view").length > 0;
  const canEdit = sitesWithPermission(actor, "asset.edit").length > 0;
  const canImport = sitesWithPermission(actor, "asset.import").length > 0;
  const exportQuery = listParams(sp).toString();

  return (
    <>
      <PageHeader
        title="Assets"
        description="The control-system inventory at your sites: controllers, safety systems, HMIs, servers and network gear."
        actions={
          <>
            {canView ? (
              <Button asChild variant="secondary">
                <a href={`/api/v1/assets/export.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
                  <Download className="size-4" aria-hidden="true" />
                  Export CSV
                </a>
              </Button>
            ) : null}
            {canImport ? (
              <Button asChild variant="secondary">
                <Link href="/assets/import">
                  <Upload className="size-4" aria-hidden="true" />
                  Import CSV
                </Link>
              </Button>
            ) : null}
            {canEdit ? (
              <Button asChild variant="primary">
                <Link href="/assets/new">
                  <Plus className="size-4" aria-hidden="true" />
                  New asset
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <AssetFilters
        sites={sites}
        values={{
          q: one(sp.q),
          site: one(sp.site).toUpperCase(),
          area: one(sp.area).toUpperCase(),
          kind: one(sp.kind),
          criticality: one(sp.criticality),
          safetyRelated: one(sp.safetyRelated),
          gxp: one(sp.gxp),
          exposure: one(sp.exposure),
          sort,
          dir,
        }}
      />
      {problem ? <Alert title="These filters cannot be applied">{problem}</Alert> : null}
      <AssetTable items={items} sort={sort} dir={dir} href={(s, d) => listHref(sp, { sort: s, dir: d })} />
      <Pager
        count={items.length}
        nextHref={nextCursor ? listHref(sp, { cursor: nextCursor }) : null}
        firstHref={cursor ? listHref(sp) : null}
      />
    </>
  );
}

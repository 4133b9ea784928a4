import type { Metadata } from "next";
import Link from "next/link";
import { AssetImport } from "@/components/assets/import-form";
import { Button } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { importAssetsAction } from "../actions";
import { one, type Search } from "../list-query";
import { siteChoices } from "../site-choices";

export const metadata: Metadata = { title: "Import assets" };

export default async function ImportAssetsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const actor = await requireActor();
  const sites = await siteChoices(actor, "asset.import");
  const wanted = one(sp.site).toUpperCase();
  const initial = sites.find((s) => s.code === wanted) ?? sites[0];
  return (
    <>
      <PageHeader
        title="Import assets"
        description="All or nothing: every row is checked, and one bad cell means nothing is written. Check first, then import."
        actions={
          <Button asChild variant="secondary">
            <Link href="/assets">Back to assets</Link>
          </Button>
        }
      />
      {initial ? (
        <Card className="p-4">
          <AssetImport
            sites={sites.map((s) => ({ code: s.code, name: s.name }))}
            initialSite={initial.code}
            run={importAssetsAction}
          />
        </Card>
      ) : (
        <Alert tone="warning">
          Only requesters and change managers may import assets, and you hold neither role at any site.
        </Alert>
      )}
    </>
  );
}

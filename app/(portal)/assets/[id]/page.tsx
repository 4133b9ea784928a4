import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AssetAdvisories } from "@/components/advisories/asset-advisories";
import { AssetChanges } from "@/components/assets/asset-changes";
import { AssetDetails } from "@/components/assets/asset-details";
import { AssetHistory } from "@/components/assets/asset-history";
import { AssetHeader } from "@/components/assets/asset-header";
import { Card, CardHeader } from "@/components/ui/card";
import { OPEN_STATES } from "@/lib/domain/changes/state-machine";
import { hasSitePermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { advisoriesForAsset } from "@/lib/services/advisories/for-asset";
import { getAsset } from "@/lib/services/assets/get";
import { assetHistory } from "@/lib/services/assets/history";
import { isServiceError } from "@/lib/services/base/errors";
import { countChanges } from "@/lib/services/changes/count";
import { listChanges } from "@/lib/services/changes/list";
import { listTemporaryOnAsset } from "@/lib/services/changes/list-temporary-on-asset";
import { AssetTemporaryState } from "@/components/assets/asset-temporary";

// One read of the asset per request, shared by the page and its title.
const assetOf = cache(async (id: string) => getAsset(await requireActor(), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const asset = await assetOf((await params).id).catch(() => null);
  return { title: asset ? `${asset.tag} ${asset.name}` : "Asset" };
}

async function load(id: string) {
  const actor = await requireActor();
  try {
    const asset = await assetOf(id);
    return {
      actor,
      asset,
      history: await assetHistory(actor, id),
      advisories: await advisoriesForAsset(actor, id),
      changes: await listChanges(actor, { asset: id, limit: 20 }),
      temporary: await listTemporaryOnAsset(actor, id),
      openChanges: await countChanges(actor, { asset: id, state: [...OPEN_STATES] }),
    };
  } catch (e) {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, asset, history, advisories, changes, temporary, openChanges } = await load(id);
  const canEdit = hasSitePermission(actor, "asset.edit", asset.siteId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-600">
        <Link href="/assets">Assets</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/assets?site=${asset.siteCode}`}>{asset.siteCode}</Link>
      </nav>
      <AssetHeader
        asset={asset}
        openChanges={openChanges}
        advisories={{
          total: advisories.length,
          knownExploited: advisories.filter((a) => a.knownExploited).length,
        }}
        canEdit={canEdit}
      />
      <div className="space-y-4">
        <AssetTemporaryState items={temporary} zone={asset.siteTimeZone} />
        <Card>
          <CardHeader
            title="Details"
            description={`Times in ${asset.siteCode} site time (${asset.siteTimeZone.replace(/_/g, " ")}).`}
          />
          <AssetDetails asset={asset} />
        </Card>
        <Card id="changes">
          <CardHeader title="Changes" description="Changes that affect this asset, newest first." />
          <AssetChanges
            items={changes.items}
            zone={asset.siteTimeZone}
            more={changes.nextCursor !== null}
            canCreate={hasSitePermission(actor, "change.create", asset.siteId)}
          />
        </Card>
        <Card id="advisories">
          <CardHeader
            title="Advisories"
            description="Imported ICS advisories that affect this asset or await a decision, with their NERC CIP-007 R2 due dates."
          />
          <AssetAdvisories items={advisories} />
        </Card>
        <Card>
          <CardHeader title="History" description="From the audit trail, newest first." />
          <AssetHistory events={history} timeZone={asset.siteTimeZone} />
        </Card>
      </div>
    </>
  );
}

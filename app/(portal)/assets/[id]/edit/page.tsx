import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssetForm } from "@/components/assets/asset-form";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { hasSitePermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getAsset } from "@/lib/services/assets/get";
import { isServiceError } from "@/lib/services/base/errors";
import { updateAssetAction } from "../../actions";
import { siteChoices } from "../../site-choices";

export const metadata: Metadata = { title: "Edit asset" };

export default async function EditAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const asset = await getAsset(actor, id).catch((e: unknown) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const back = `/assets/${asset.id}`;
  if (!hasSitePermission(actor, "asset.edit", asset.siteId)) {
    return (
      <>
        <PageHeader title={`Edit ${asset.tag}`} />
        <Alert tone="warning">
          Only requesters and change managers at {asset.siteCode} may edit assets.{" "}
          <Link href={back}>Back to the asset</Link>
        </Alert>
      </>
    );
  }
  const sites = (await siteChoices(actor, "asset.edit")).filter((s) => s.code === asset.siteCode);
  return (
    <>
      <PageHeader
        title={`Edit ${asset.tag}`}
        description={`${asset.name} · version ${asset.rowVersion} of this record`}
      />
      <Card className="p-4">
        {/* Keyed by the row version: after "reload the latest version" the form starts from the new values. */}
        <AssetForm
          key={asset.rowVersion}
          mode="edit"
          sites={sites}
          cancelHref={back}
          save={updateAssetAction.bind(null, asset.id, asset.rowVersion)}
          defaults={{
            siteCode: asset.siteCode,
            areaCode: asset.areaCode ?? "",
            tag: asset.tag,
            name: asset.name,
            kind: asset.kind,
            vendor: asset.vendor,
            product: asset.product,
            modelNumber: asset.modelNumber,
            version: asset.version,
            purdueLevel: asset.purdueLevel,
            zone: asset.zone,
            criticality: asset.criticality,
            safetyRelated: asset.safetyRelated,
            gxp: asset.gxp,
            exposure: asset.exposure,
            redundancyGroup: asset.redundancyGroup ?? "",
          }}
        />
      </Card>
    </>
  );
}

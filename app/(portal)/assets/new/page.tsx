import type { Metadata } from "next";
import { AssetForm } from "@/components/assets/asset-form";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { createAssetAction } from "../actions";
import { one, type Search } from "../list-query";
import { siteChoices } from "../site-choices";

export const metadata: Metadata = { title: "New asset" };

export default async function NewAssetPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const actor = await requireActor();
  const sites = await siteChoices(actor, "asset.edit");
  const wanted = one(sp.site).toUpperCase();
  const site = sites.find((s) => s.code === wanted) ?? sites[0];
  return (
    <>
      <PageHeader
        title="New asset"
        description="Add a controller, safety system, HMI, server or network device to the inventory."
      />
      {site ? (
        <Card className="p-4">
          <AssetForm
            mode="create"
            sites={sites}
            cancelHref="/assets"
            save={createAssetAction}
            defaults={{
              siteCode: site.code,
              areaCode: "",
              tag: "",
              name: "",
              kind: "plc",
              vendor: "",
              product: "",
              modelNumber: "",
              version: "",
              purdueLevel: null,
              zone: "",
              criticality: "production_critical",
              safetyRelated: false,
              gxp: false,
              exposure: "plant_network",
              redundancyGroup: "",
            }}
          />
        </Card>
      ) : (
        <Alert tone="warning">
          Only requesters and change managers may add assets, and you hold neither role at any site.
        </Alert>
      )}
    </>
  );
}

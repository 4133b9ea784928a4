import type { Metadata } from "next";
import Link from "next/link";
import { WhoManages } from "@/components/catalog/who-manages";
import { ModelForm } from "@/components/catalog/model-form";
import { Card, PageHeader } from "@/components/ui/card";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listSiteContacts } from "@/lib/services/sites/list-contacts";
import { listSites } from "@/lib/services/sites/list-sites";
import { proposeModelAction } from "../actions";

export const metadata: Metadata = { title: "Propose a model · Catalog" };

export default async function ProposeModelPage() {
  const actor = await requireActor();
  const sites = await listSites(actor);
  const manage = new Set(sitesWithPermission(actor, "catalog.manage"));
  const mine = sites.filter((s) => manage.has(s.id));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-600">
        <Link href="/catalog">Standard change catalog</Link> <span aria-hidden="true">/</span> New model
      </nav>
      <PageHeader
        title="Propose a standard change model"
        description="One kind of routine work the change board pre-approves: what it may touch, how long it may take down, what evidence it needs, and the plans it follows."
      />
      <Card className="p-4">
        {mine.length ? (
          <ModelForm
            mode={{ kind: "propose", sites: mine.map((s) => ({ code: s.code, name: s.name })) }}
            action={proposeModelAction}
            cancelHref="/catalog"
          />
        ) : (
          <div className="space-y-1 text-sm text-slate-800" data-testid="refusal">
            <p>Only a site&apos;s change managers propose standard change models.</p>
            <WhoManages
              siteCode={null}
              contacts={await listSiteContacts(
                actor,
                sites.map((s) => s.id),
                ["change_manager"],
              )}
            />
          </div>
        )}
      </Card>
    </>
  );
}

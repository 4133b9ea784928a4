import type { Metadata } from "next";
import Link from "next/link";
import { WhoManages } from "@/components/catalog/who-manages";
import { ModelForm } from "@/components/catalog/model-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listSiteContacts } from "@/lib/services/sites/list-contacts";
import { listSites } from "@/lib/services/sites/list-sites";
import { pickModelContent } from "@/lib/domain/catalog/model";
import { reviseModelAction } from "../../actions";
import { loadModel } from "../load";

export const metadata: Metadata = { title: "Edit a model · Catalog" };

export default async function EditModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const m = await loadModel(id);
  // The edit starts from the latest version: a pending one is what the board would otherwise sign.
  const latest = m.versions[0]!;
  const site = (await listSites(actor)).find((s) => s.code === m.siteCode);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-600">
        <Link href="/catalog">Standard change catalog</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/catalog/${m.id}`}>{m.code}</Link> <span aria-hidden="true">/</span> Edit
      </nav>
      <PageHeader
        title={`Edit ${m.code}`}
        description={`${m.siteName}. Starting from version ${latest.version}; your edit becomes version ${latest.version + 1}.`}
      />
      <Card className="p-4">
        {m.canRevise.ok ? (
          <ModelForm
            mode={{ kind: "revise", basedOnVersion: latest.version, content: pickModelContent(latest) }}
            action={reviseModelAction.bind(null, m.id)}
            cancelHref={`/catalog/${m.id}`}
          />
        ) : (
          <div className="space-y-1 text-sm text-slate-800" data-testid="refusal">
            <p>{m.canRevise.reason}.</p>
            <WhoManages
              siteCode={m.siteCode}
              contacts={site ? await listSiteContacts(actor, [site.id], ["change_manager"]) : []}
            />
          </div>
        )}
      </Card>
    </>
  );
}

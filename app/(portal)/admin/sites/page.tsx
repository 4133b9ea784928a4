import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateAreaDialog, CreateSiteDialog } from "@/components/admin/site-dialogs";
import { PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { zoneAbbreviation } from "@/lib/domain/site-time";
import { listSites } from "@/lib/services/sites/list-sites";
import { createAreaAction, createSiteAction } from "../actions";

export const metadata: Metadata = { title: "Sites · Administration" };

function ianaZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export default async function AdminSitesPage() {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const sites = await listSites(actor);
  return (
    <>
      <PageHeader
        title="Sites and areas"
        description="Administering a site does not grant a role there; grant roles on each user's page."
        actions={<CreateSiteDialog zones={ianaZones()} create={createSiteAction} />}
      />
      <Table caption="Sites with their time zones and areas">
        <thead>
          <tr>
            <Th>Code</Th>
            <Th>Name</Th>
            <Th>Time zone</Th>
            <Th>Areas</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {sites.length === 0 ? (
            <EmptyRow colSpan={5}>No sites yet.</EmptyRow>
          ) : (
            sites.map((s) => (
              <tr key={s.code}>
                <Td className="font-medium">{s.code}</Td>
                <Td>{s.name}</Td>
                <Td className="whitespace-nowrap">
                  {s.timeZone}{" "}
                  <span className="text-slate-600">({zoneAbbreviation(s.timeZone, new Date())} now)</span>
                </Td>
                <Td>
                  {s.areas.length ? (
                    <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label={`Areas of ${s.code}`}>
                      {s.areas.map((a) => (
                        <li key={a.code}>
                          <span className="font-mono text-xs">{a.code}</span>{" "}
                          <span className="text-slate-600">{a.name}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-500">None</span>
                  )}
                </Td>
                <Td className="text-right">
                  <CreateAreaDialog siteCode={s.code} create={createAreaAction.bind(null, s.code)} />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </>
  );
}

import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { CreateTokenDialog } from "@/components/profile/create-token-dialog";
import { TokenTable } from "@/components/profile/token-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { zoneAbbreviation } from "@/lib/domain/site-time";
import { listSites } from "@/lib/services/sites/list-sites";
import { listTokens } from "@/lib/services/tokens/list-tokens";
import { changePasswordAction, createTokenAction, revokeOwnTokenAction } from "./actions";
import { ROLE_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requireActor();
  const [sites, tokens] = await Promise.all([listSites(actor), listTokens(actor, { limit: 500 })]);
  const siteOf = new Map(sites.map((s) => [s.code, s]));
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your account, your roles at each site, and API tokens for scripts and tools."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="Account" />
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 p-4 text-sm">
            <dt className="text-slate-600">Name</dt>
            <dd className="text-slate-900">{actor.name}</dd>
            <dt className="text-slate-600">Email</dt>
            <dd className="text-slate-900">{actor.email}</dd>
            <dt className="text-slate-600">Administrator</dt>
            <dd>
              {actor.isAdmin ? (
                <Badge tone="purple">Administrator</Badge>
              ) : (
                <span className="text-slate-700">No</span>
              )}
            </dd>
          </dl>
        </Card>
        <Card>
          <CardHeader
            title="Roles by site"
            description="Administrator rights never include a site role; each site grants its own."
          />
          <div className="p-4">
            <Table caption="Your roles at each site">
              <thead>
                <tr>
                  <Th>Site</Th>
                  <Th>Role</Th>
                  <Th>Time zone</Th>
                </tr>
              </thead>
              <tbody>
                {actor.grants.length === 0 ? (
                  <EmptyRow colSpan={3}>You hold no site roles. An administrator grants them.</EmptyRow>
                ) : (
                  actor.grants.map((g) => {
                    const site = siteOf.get(g.siteCode);
                    return (
                      <tr key={`${g.siteCode}:${g.role}`}>
                        <Td>
                          <span className="font-medium">{g.siteCode}</span>
                          {site ? <span className="text-slate-600"> · {site.name}</span> : null}
                        </Td>
                        <Td>{ROLE_LABELS[g.role]}</Td>
                        <Td className="text-slate-700">
                          {site ? `${site.timeZone} (${zoneAbbreviation(site.timeZone, new Date())})` : "—"}
                        </Td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            </Table>
          </div>
        </Card>
      </div>

      <Card className="mt-4">
        <CardHeader
          title="API tokens"
          description="A token acts as you, with your site roles as they are at each request. Send it as Authorization: Bearer <token>."
          actions={<CreateTokenDialog create={createTokenAction} />}
        />
        <div className="p-4">
          <TokenTable tokens={tokens.items} revoke={revokeOwnTokenAction} owner="you" />
        </div>
      </Card>

      <Card className="mt-4">
        <CardHeader
          title="Change password"
          description="Re-enter your current password. Your other signed-in sessions end; this one stays."
        />
        <div className="p-4">
          <ChangePasswordForm change={changePasswordAction} />
        </div>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GrantRoleForm } from "@/components/admin/grant-role-form";
import { ResetPasswordDialog } from "@/components/admin/reset-password-dialog";
import { UserStatusBadge } from "@/components/admin/user-status-badge";
import { TokenTable } from "@/components/profile/token-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { formatUtc, isoInstant } from "@/lib/domain/site-time";
import { isServiceError } from "@/lib/services/base/errors";
import { listSites } from "@/lib/services/sites/list-sites";
import { getUserAdminView } from "@/lib/services/users/admin-view";
import {
  grantRoleAction,
  resetPasswordAction,
  revokeRoleAction,
  revokeUserTokenAction,
  setUserDisabledAction,
} from "../../actions";
import { ROLE_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "User · Administration" };

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default async function AdminUserPage({ params }: { params: Promise<{ email: string }> }) {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const email = decoded((await params).email);
  const user = await getUserAdminView(actor, email).catch((e: unknown) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const sites = await listSites(actor);
  const self = user.id === actor.userId;

  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{user.email}</span>
            <UserStatusBadge status={user.status} lockedUntil={user.lockedUntil} />
            {user.isAdmin ? <Badge tone="purple">Administrator</Badge> : null}
          </span>
        }
        actions={<Link href="/admin">← All users</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
        <Card>
          <CardHeader title="Account" />
          <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-2 p-4 text-sm">
            <dt className="text-slate-600">Created</dt>
            <dd>
              <time dateTime={isoInstant(user.createdAt)}>{formatUtc(user.createdAt)}</time>
            </dd>
            <dt className="text-slate-600">Password changed</dt>
            <dd>
              <time dateTime={isoInstant(user.passwordChangedAt)}>{formatUtc(user.passwordChangedAt)}</time>
            </dd>
            {user.disabledAt ? (
              <>
                <dt className="text-slate-600">Disabled</dt>
                <dd>{formatUtc(user.disabledAt)}</dd>
              </>
            ) : null}
          </dl>
          {self ? (
            <p
              className="border-t border-slate-200 px-4 pt-3 text-sm text-slate-600"
              data-testid="own-account"
            >
              This is your own account. Another administrator must grant you roles, reset your password or
              re-enable you; change your password on your{" "}
              <Link href="/profile" className="underline">
                profile page
              </Link>
              .
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2 border-t border-slate-200 p-4">
            {self ? null : user.status === "disabled" ? (
              <ConfirmAction
                label="Enable account"
                variant="primary"
                title={`Enable ${user.email}?`}
                description="They can sign in again and their unexpired, unrevoked API tokens work again."
                confirmLabel="Enable account"
                action={setUserDisabledAction.bind(null, user.email, false)}
              />
            ) : self ? null : (
              <ConfirmAction
                label="Disable account"
                title={`Disable ${user.email}?`}
                description="Their sessions end and their API tokens stop working at the next request. Their history stays in the audit trail."
                confirmLabel="Disable account"
                action={setUserDisabledAction.bind(null, user.email, true)}
              />
            )}
            {self ? null : (
              <ResetPasswordDialog email={user.email} reset={resetPasswordAction.bind(null, user.email)} />
            )}
          </div>
        </Card>

        <Card>
          <CardHeader
            title="Site roles"
            description="Each role applies at one site only. Changes take effect at the person's next request."
          />
          <div className="space-y-4 p-4">
            <Table caption={`Roles of ${user.email}`}>
              <thead>
                <tr>
                  <Th>Site</Th>
                  <Th>Role</Th>
                  <Th>Source</Th>
                  <Th>Granted</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {user.grants.length === 0 ? (
                  <EmptyRow colSpan={5}>No site roles: this person sees no site data.</EmptyRow>
                ) : (
                  user.grants.map((g) => (
                    <tr key={`${g.siteCode}:${g.role}`}>
                      <Td>
                        <span className="font-medium">{g.siteCode}</span>{" "}
                        <span className="text-slate-600">· {g.siteName}</span>
                      </Td>
                      <Td>{ROLE_LABELS[g.role]}</Td>
                      <Td>
                        {g.source === "idp" ? (
                          <Badge tone="purple">
                            Identity provider <span className="ml-1 font-mono">{g.idpClaim}</span>
                          </Badge>
                        ) : (
                          <Badge>Manual</Badge>
                        )}
                      </Td>
                      <Td>
                        <time dateTime={isoInstant(g.grantedAt)}>{formatUtc(g.grantedAt)}</time>
                      </Td>
                      <Td className="text-right">
                        <ConfirmAction
                          label="Revoke"
                          triggerLabel={`Revoke ${ROLE_LABELS[g.role]} at ${g.siteCode}`}
                          title={`Revoke ${ROLE_LABELS[g.role]} at ${g.siteCode}?`}
                          description={`${user.email} loses this role at ${g.siteName} from their next request. Sign-offs already given stay on record.${g.source === "idp" ? " The identity provider gives it back at their next sign-in unless the mapping changes." : ""}`}
                          confirmLabel="Revoke role"
                          action={revokeRoleAction.bind(null, user.email, g.siteCode, g.role)}
                        />
                      </Td>
                    </tr>
                  ))
                )}
              </tbody>
            </Table>
            {self ? null : (
              <GrantRoleForm
                email={user.email}
                sites={sites.map((s) => ({ code: s.code, name: s.name }))}
                grant={grantRoleAction.bind(null, user.email)}
              />
            )}
          </div>
        </Card>
      </div>

      <Card className="mt-4">
        <CardHeader
          title="API tokens"
          description="Tokens act as this person. Revoke one that is lost or no longer needed."
        />
        <div className="p-4">
          <TokenTable tokens={user.tokens} revoke={revokeUserTokenAction} owner={user.email} />
        </div>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { RoleMappingForm } from "@/components/admin/role-mapping-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { oidcConfig, passwordLoginMode } from "@/lib/auth/oidc/config";
import { requireActor } from "@/lib/auth/session";
import { formatUtc } from "@/lib/domain/site-time";
import { listSites } from "@/lib/services/sites/list-sites";
import { listHeldRoles } from "@/lib/services/sso/list-held-roles";
import { listRoleMappings } from "@/lib/services/sso/list-mappings";
import { createMappingAction, decideHeldRoleAction, deleteMappingAction } from "./actions";
import { ROLE_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "Single sign-on · Administration" };

const PASSWORD_MODES = {
  on: "Everyone may also sign in with an Interlock password.",
  admins: "Only administrators may sign in with a password.",
  off: "Passwords are off, except for the break-glass administrator.",
} as const;

export default async function AdminSsoPage() {
  const actor = await requireActor();
  const [mappings, held, sites] = await Promise.all([
    listRoleMappings(actor),
    listHeldRoles(actor),
    listSites(actor),
  ]);
  const config = oidcConfig();
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Roles from the identity provider: at each sign-in, a person's roles from the provider become exactly what these mappings give for the claims in their ID token. Roles granted by hand on a user's page stay."
      />
      <Card className="mb-4 p-4 text-sm">
        {config ? (
          <p>
            Provider <span className="font-medium">{config.displayName}</span>, issuer{" "}
            <code className="font-mono text-xs">{config.issuer}</code>. New people{" "}
            {config.autoProvision
              ? "get an account at their first sign-in"
              : "need an account made by an administrator"}
            . {PASSWORD_MODES[passwordLoginMode()]}
          </p>
        ) : (
          <p>
            Single sign-on is not configured (INTERLOCK_OIDC_ISSUER, see the README). Mappings apply once it
            is.
          </p>
        )}
      </Card>

      <h2 className="mb-2 text-base font-semibold text-slate-900">Role mappings</h2>
      <Table caption="Claim values and the site roles they give">
        <thead>
          <tr>
            <Th>Claim</Th>
            <Th>Value</Th>
            <Th>Site</Th>
            <Th>Role</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {mappings.length === 0 ? (
            <EmptyRow colSpan={5}>
              No mappings: people signing in with single sign-on get no roles from the provider.
            </EmptyRow>
          ) : (
            mappings.map((m) => (
              <tr key={m.id}>
                <Td className="font-mono text-xs">{m.claim}</Td>
                <Td className="font-mono text-xs">{m.value}</Td>
                <Td className="font-medium">{m.siteCode}</Td>
                <Td>{ROLE_LABELS[m.role]}</Td>
                <Td className="text-right">
                  <ConfirmAction
                    label="Remove"
                    triggerLabel={`Remove mapping ${m.value} to ${m.siteCode} ${ROLE_LABELS[m.role]}`}
                    title={`Remove ${m.claim}=${m.value} → ${m.siteCode} ${ROLE_LABELS[m.role]}?`}
                    description="Everyone who holds this role through this mapping loses it now."
                    confirmLabel="Remove mapping"
                    action={deleteMappingAction.bind(null, m.id)}
                  />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <div className="mt-3 mb-8">
        <RoleMappingForm
          sites={sites.map((s) => ({ code: s.code, name: s.name }))}
          create={createMappingAction}
        />
      </div>

      <h2 className="mb-1 text-base font-semibold text-slate-900">Held for approval</h2>
      <p className="mb-2 text-sm text-slate-600">
        Roles the provider would give an administrator&apos;s own account wait here for another administrator.
      </p>
      <Table caption="Roles from the identity provider waiting for a second administrator">
        <thead>
          <tr>
            <Th>Administrator</Th>
            <Th>Site role</Th>
            <Th>Claim</Th>
            <Th>Since (UTC)</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {held.length === 0 ? (
            <EmptyRow colSpan={5}>Nothing is waiting.</EmptyRow>
          ) : (
            held.map((h) => (
              <tr key={h.id}>
                <Td>
                  {h.name} <span className="text-slate-600">{h.email}</span>
                </Td>
                <Td>
                  {h.siteCode} · {ROLE_LABELS[h.role]}
                </Td>
                <Td className="font-mono text-xs">{h.claim}</Td>
                <Td className="whitespace-nowrap">{formatUtc(h.requestedAt)}</Td>
                <Td className="text-right whitespace-nowrap">
                  {h.own ? (
                    <Badge tone="amber">Another administrator decides</Badge>
                  ) : (
                    <span className="inline-flex gap-2">
                      <ConfirmAction
                        label="Approve"
                        variant="primary"
                        triggerLabel={`Approve ${h.siteCode} ${ROLE_LABELS[h.role]} for ${h.email}`}
                        title={`Give ${h.name} ${ROLE_LABELS[h.role]} at ${h.siteCode}?`}
                        description="The role is kept while the provider's claim stays."
                        confirmLabel="Approve"
                        action={decideHeldRoleAction.bind(null, h.id, "approved")}
                      />
                      <ConfirmAction
                        label="Decline"
                        triggerLabel={`Decline ${h.siteCode} ${ROLE_LABELS[h.role]} for ${h.email}`}
                        title={`Decline ${ROLE_LABELS[h.role]} at ${h.siteCode} for ${h.name}?`}
                        description="The role is not granted, and not asked for again while the same claim gives it."
                        confirmLabel="Decline"
                        action={decideHeldRoleAction.bind(null, h.id, "declined")}
                      />
                    </span>
                  )}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </>
  );
}

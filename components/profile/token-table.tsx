import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { FormResult } from "@/lib/schemas/form-result";
import { formatUtc, isoInstant } from "@/lib/domain/site-time";
import type { TokenStatus, TokenView } from "@/lib/types/tokens";

const TONE: Record<TokenStatus, BadgeTone> = { active: "green", expired: "amber", revoked: "gray" };

function When({ at }: { at: Date | null }) {
  return at ? (
    <time dateTime={isoInstant(at)}>{formatUtc(at)}</time>
  ) : (
    <span className="text-slate-500">Never</span>
  );
}

/** API tokens with their state; only their first characters are ever shown after creation. */
export function TokenTable({
  tokens,
  revoke,
  owner,
}: {
  tokens: TokenView[];
  revoke: (id: string) => Promise<FormResult>;
  owner: string;
}) {
  return (
    <Table caption={`API tokens of ${owner}`}>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Token starts with</Th>
          <Th>Scopes</Th>
          <Th>Created</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {tokens.length === 0 ? (
          <EmptyRow colSpan={8}>No API tokens yet.</EmptyRow>
        ) : (
          tokens.map((t) => (
            <tr key={t.id}>
              <Td className="font-medium">{t.name}</Td>
              <Td>
                <code className="font-mono text-xs">{t.prefix}…</code>
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {t.scopes.map((s) => (
                    <Badge key={s} tone={s === "sign" ? "purple" : "gray"}>
                      {s}
                    </Badge>
                  ))}
                  {t.parentTokenId ? (
                    <span className="text-xs text-slate-600">created by a token</span>
                  ) : null}
                </span>
              </Td>
              <Td>
                <When at={t.createdAt} />
              </Td>
              <Td>
                <When at={t.expiresAt} />
              </Td>
              <Td>
                <When at={t.lastUsedAt} />
              </Td>
              <Td>
                <Badge tone={TONE[t.status]}>
                  {t.status === "revoked" ? "Revoked" : t.status === "expired" ? "Expired" : "Active"}
                </Badge>
              </Td>
              <Td className="text-right">
                {t.status === "active" ? (
                  <ConfirmAction
                    label="Revoke"
                    triggerLabel={`Revoke token ${t.name}`}
                    title={`Revoke the token “${t.name}”?`}
                    description="Scripts using it stop working at their next request. This cannot be undone; create a new token if it is needed again."
                    confirmLabel="Revoke token"
                    action={revoke.bind(null, t.id)}
                  />
                ) : null}
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserStatusBadge } from "@/components/admin/user-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { EmptyRow, Pager, SortTh, Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { formatUtc, isoInstant } from "@/lib/domain/site-time";
import { userListQuerySchema } from "@/lib/schemas/users";
import { listUsers } from "@/lib/services/users/list-users";
import { ROLE_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "Users · Administration" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const raw = await searchParams;
  const parsed = userListQuerySchema.safeParse({
    q: first(raw.q) || undefined,
    status: first(raw.status) || undefined,
    sort: first(raw.sort) || undefined,
    dir: first(raw.dir) || undefined,
    cursor: first(raw.cursor) || undefined,
  });
  const query = parsed.success ? parsed.data : userListQuerySchema.parse({});
  let page: Awaited<ReturnType<typeof listUsers>> = { items: [], nextCursor: null };
  let error: string | null = parsed.success ? null : "Some filters were not understood and were ignored.";
  try {
    page = await listUsers(actor, query);
  } catch {
    error = "The page link has expired; showing the first page.";
    page = await listUsers(actor, { ...query, cursor: undefined });
  }

  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = { q: query.q, status: query.status, sort: query.sort, dir: query.dir, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    return `/admin?${p.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Accounts, their status and their roles at each site."
        actions={
          <Button asChild variant="primary" size="sm">
            <Link href="/admin/users/new">Create user</Link>
          </Button>
        }
      />
      <form
        method="get"
        action="/admin"
        className="mb-3 flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Filter users"
      >
        <Field id="user-q" label="Search" className="w-64">
          <Input name="q" type="search" defaultValue={query.q ?? ""} placeholder="Email or name" />
        </Field>
        <Field id="user-status" label="Status" className="w-40">
          <Select name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="locked">Locked</option>
            <option value="disabled">Disabled</option>
            <option value="admin">Administrators</option>
          </Select>
        </Field>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <Button type="submit">Apply</Button>
        {query.q || query.status ? (
          <Link href="/admin" className="pb-1.5 text-sm">
            Clear
          </Link>
        ) : null}
      </form>
      {error ? (
        <div className="mb-3">
          <Alert tone="warning">{error}</Alert>
        </div>
      ) : null}
      <Table caption="Users">
        <thead>
          <tr>
            <SortTh
              label="Email"
              column="email"
              sort={query.sort}
              dir={query.dir}
              href={(sort, dir) => href({ sort, dir })}
            />
            <SortTh
              label="Name"
              column="name"
              sort={query.sort}
              dir={query.dir}
              href={(sort, dir) => href({ sort, dir })}
            />
            <Th>Status</Th>
            <Th>Roles</Th>
            <SortTh
              label="Created"
              column="created"
              sort={query.sort}
              dir={query.dir}
              href={(sort, dir) => href({ sort, dir })}
            />
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? (
            <EmptyRow colSpan={5}>No users match.</EmptyRow>
          ) : (
            page.items.map((u) => (
              <tr key={u.id}>
                <Td>
                  <Link href={`/admin/users/${encodeURIComponent(u.email)}`} className="font-medium">
                    {u.email}
                  </Link>
                </Td>
                <Td>{u.name}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    <UserStatusBadge status={u.status} lockedUntil={u.lockedUntil} />
                    {u.isAdmin ? <Badge tone="purple">Administrator</Badge> : null}
                  </span>
                </Td>
                <Td>
                  {u.roles.length ? (
                    <span className="flex flex-wrap gap-1">
                      {u.roles.map((r) => (
                        <Badge key={`${r.siteCode}:${r.role}`} tone="blue">
                          {r.siteCode} · {ROLE_LABELS[r.role]}
                        </Badge>
                      ))}
                    </span>
                  ) : (
                    <span className="text-slate-500">None</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={isoInstant(u.createdAt)}>{formatUtc(u.createdAt)}</time>
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pager
        count={page.items.length}
        nextHref={page.nextCursor ? href({ cursor: page.nextCursor }) : null}
        firstHref={query.cursor ? href({}) : null}
      />
    </>
  );
}

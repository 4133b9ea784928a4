import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllRead, NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_INFO,
  type NotificationKind,
} from "@/lib/domain/notifications/kinds";
import { listNotifications } from "@/lib/services/notifications/list-notifications";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const KIND_LABELS = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NOTIFICATION_KIND_INFO[k].label]));

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor();
  const sp = await searchParams;
  const unreadOnly = sp.show === "unread";
  const kind = NOTIFICATION_KINDS.includes(sp.kind as NotificationKind)
    ? (sp.kind as NotificationKind)
    : undefined;
  const page = await listNotifications(actor, {
    unread: unreadOnly ? "true" : undefined,
    kind,
    limit: 100,
    cursor: sp.cursor,
  });
  const href = (p: Record<string, string | undefined>) => {
    const q = new URLSearchParams(
      Object.entries({ show: sp.show, kind: sp.kind, ...p }).filter((e): e is [string, string] => !!e[1]),
    );
    return `/notifications${q.size ? `?${q}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${page.unread} unread. Approvals, refusals, slots and overdue sign-offs that concern you.`}
        actions={
          <>
            <MarkAllRead action={markAllReadAction} unread={page.unread} />
            <Link href="/notifications/preferences" className="text-sm">
              How you are told
            </Link>
          </>
        }
      />
      <form className="mb-3 flex flex-wrap items-end gap-3 text-sm" action="/notifications" method="get">
        <fieldset className="flex gap-3">
          <legend className="sr-only">Show</legend>
          {[
            ["all", "All"],
            ["unread", "Unread"],
          ].map(([v, label]) => (
            <label key={v} className="inline-flex items-center gap-1">
              <input type="radio" name="show" value={v} defaultChecked={(sp.show ?? "all") === v} /> {label}
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-700">Kind</span>
          <select
            name="kind"
            defaultValue={kind ?? ""}
            className="h-8 rounded-md border border-slate-300 bg-white px-2"
          >
            <option value="">Every kind</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-8 rounded-md border border-slate-300 bg-white px-3 font-medium hover:bg-slate-100"
        >
          Filter
        </button>
      </form>
      <NotificationList items={page.items} kindLabels={KIND_LABELS} markRead={markReadAction} />
      {page.nextCursor ? (
        <p className="mt-3 text-sm">
          <Link href={href({ cursor: page.nextCursor })}>Older notifications</Link>
        </p>
      ) : null}
    </>
  );
}

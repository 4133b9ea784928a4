"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formatInZone } from "@/lib/domain/site-time";
import type { FormResult } from "@/lib/schemas/form-result";
import type { NotificationView } from "@/lib/types/notifications";
import { cn } from "@/lib/cn";

const changed = () => window.dispatchEvent(new Event("interlock:notifications-changed"));

/** The notifications, newest first: opening one marks it read and goes to its object. */
export function NotificationList({
  items,
  kindLabels,
  markRead,
}: {
  items: NotificationView[];
  kindLabels: Record<string, string>;
  markRead: (id: string) => Promise<FormResult>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const act = (n: NotificationView, open: boolean) =>
    start(async () => {
      const r = n.readAt ? ({ ok: true } as const) : await markRead(n.id);
      if (!r.ok) return setError(r.message);
      changed();
      if (open) router.push(n.href);
      else router.refresh();
    });
  if (items.length === 0)
    return (
      <p className="rounded-md border border-slate-200 bg-white p-6 text-sm text-slate-600">
        Nothing here. You are told here when a change needs you.
      </p>
    );
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <ul
        className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
        aria-label="Notifications"
        aria-busy={pending}
      >
        {items.map((n) => (
          <li
            key={n.id}
            className={cn("flex flex-wrap items-start gap-3 px-4 py-3", !n.readAt && "bg-blue-50/40")}
          >
            <span
              className={cn(
                "mt-1.5 size-2 shrink-0 rounded-full",
                n.readAt ? "bg-transparent" : "bg-blue-700",
              )}
              aria-hidden="true"
            />
            <div className="min-w-0 flex-1">
              <a
                href={n.href}
                onClick={(e) => {
                  e.preventDefault();
                  act(n, true);
                }}
                className={cn("text-sm text-slate-900", !n.readAt && "font-semibold")}
              >
                {n.title}
                {!n.readAt ? <span className="sr-only"> (unread)</span> : null}
              </a>
              <p className="mt-0.5 text-sm text-slate-700">{n.body}</p>
              <p className="mt-1 text-xs text-slate-600">
                {kindLabels[n.kind] ?? n.kind} · {formatInZone(n.createdAt, n.timeZone)}
                {n.dueAt ? ` · due ${formatInZone(n.dueAt, n.timeZone)}` : ""}
              </p>
            </div>
            {!n.readAt ? (
              <Button size="sm" variant="ghost" onClick={() => act(n, false)} disabled={pending}>
                Mark read
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function MarkAllRead({
  action,
  unread,
}: {
  action: () => Promise<FormResult<{ count: number }>>;
  unread: number;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      disabled={pending || unread === 0}
      onClick={() =>
        start(async () => {
          await action();
          changed();
          router.refresh();
        })
      }
    >
      Mark all read
    </Button>
  );
}

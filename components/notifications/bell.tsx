"use client";
import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { cn } from "@/lib/cn";

const POLL_MS = 15_000;

/**
 * The bell in the header: the unread count, kept current by polling the notifications API (and
 * refreshed when the tab comes back into view), linking to the notifications page.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      if (document.visibilityState === "hidden") return;
      try {
        const res = await fetch("/api/v1/notifications?limit=1", {
          cache: "no-store",
          headers: { "x-interlock-poll": "1" },
        });
        if (res.ok && alive) setUnread(((await res.json()) as { unread: number }).unread);
      } catch {
        // Offline for a moment: keep the last count.
      }
    };
    void refresh();
    const timer = setInterval(refresh, POLL_MS);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener("interlock:notifications-changed", refresh);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener("interlock:notifications-changed", refresh);
    };
  }, [pathname]);
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className={cn(
        "relative inline-flex size-8 items-center justify-center rounded-md text-slate-700 no-underline hover:bg-slate-100 hover:no-underline",
        pathname.startsWith("/notifications") && "bg-slate-100 text-slate-950",
      )}
    >
      <Bell className="size-4" aria-hidden="true" />
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-700 px-1 text-center text-[10px] leading-4 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}

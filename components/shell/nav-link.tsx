"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** "3 waiting" for screen readers, a pill for the eye; nothing when there is nothing waiting. */
export function NavCount({ count }: { count?: number }) {
  if (!count) return null;
  return (
    <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-blue-700 px-1.5 text-xs font-semibold text-white">
      {count > 99 ? "99+" : count}
      <span className="sr-only"> waiting</span>
    </span>
  );
}

export function NavLink({
  href,
  count,
  children,
  className,
}: {
  href: string;
  count?: number;
  children: React.ReactNode;
  className?: string;
}) {
  const pathname = usePathname();
  const active = isActive(pathname, href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex items-center rounded-md px-2 py-1 text-sm whitespace-nowrap no-underline hover:bg-slate-100 hover:no-underline",
        active ? "bg-slate-100 font-medium text-slate-950" : "text-slate-700",
        className,
      )}
    >
      {children}
      <NavCount count={count} />
    </Link>
  );
}

"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { ADMIN_AREAS } from "./admin-areas";

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="mb-4 flex gap-1 border-b border-slate-200">
      {ADMIN_AREAS.map((l) => {
        const active = l.match(pathname);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline",
              active
                ? "border-blue-700 text-slate-900"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}

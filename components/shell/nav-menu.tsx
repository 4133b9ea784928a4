"use client";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { NavItem } from "./nav";
import { NavCount, NavLink } from "./nav-link";

/** Below 900 px the links fold into a menu; it closes when a link is followed. */
export function NavMenu({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  const waiting = items.reduce((n, i) => n + (i.count ?? 0), 0);
  return (
    <div className="min-[900px]:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="nav-menu"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-8 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 hover:bg-slate-100"
      >
        {open ? <X className="size-4" aria-hidden="true" /> : <Menu className="size-4" aria-hidden="true" />}
        Menu
        <NavCount count={waiting} />
      </button>
      {open ? (
        <ul
          id="nav-menu"
          className="absolute inset-x-0 top-12 z-40 grid gap-1 border-b border-slate-200 bg-white p-3 shadow-md sm:grid-cols-2"
        >
          {items.map((i) => (
            <li key={i.href}>
              <NavLink href={i.href} count={i.count} className="w-full py-2">
                {i.label}
              </NavLink>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

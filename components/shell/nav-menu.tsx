"use client";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { isGroup, type NavEntry, type NavItem } from "./nav-types";
import { NavCount, NavLink } from "./nav-link";

function Links({ items }: { items: NavItem[] }) {
  return items.map((i) => (
    <li key={i.href}>
      <NavLink href={i.href} count={i.count} className="w-full py-2">
        {i.label}
      </NavLink>
    </li>
  ));
}

/** Below 900 px the links fold into a menu, groups under their headings; it closes when a link is followed. */
export function NavMenu({ entries }: { entries: NavEntry[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  const links = entries.filter((e): e is NavItem => !isGroup(e));
  const groups = entries.filter(isGroup);
  const waiting = links.reduce((n, i) => n + (i.count ?? 0), 0);
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
        <div
          id="nav-menu"
          className="absolute inset-x-0 top-12 z-40 grid gap-3 border-b border-slate-200 bg-white p-3 shadow-md sm:grid-cols-3"
        >
          <ul className="grid content-start gap-1">
            <Links items={links} />
          </ul>
          {groups.map((g) => (
            <section key={g.label} aria-label={g.label}>
              <h2 className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                {g.label}
              </h2>
              <ul className="grid gap-1">
                <Links items={g.items} />
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}

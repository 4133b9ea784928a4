import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { NavGroupMenu } from "./nav-group";
import { NavLink } from "./nav-link";
import { NavMenu } from "./nav-menu";
import { isGroup, type NavEntry, type NavItem } from "./nav-types";
import { ProductMark } from "./product-mark";

interface Item {
  href: string;
  label: string;
  show: (a: Actor) => boolean;
}
interface Group {
  label: string;
  items: Item[];
}

const any = (a: Actor) => a.grants.length > 0;
const auditor = (a: Actor) => sitesWithPermission(a, "audit.view").length > 0;
// Daily work stays one click away; the planning (with the standard-change catalog) and oversight
// pages sit under two menus so the bar
// stays one line at 1280 px for every role.
const ENTRIES: (Item | Group)[] = [
  { href: "/", label: "Dashboard", show: () => true },
  { href: "/changes", label: "Changes", show: any },
  { href: "/approvals", label: "My approvals", show: any },
  {
    label: "Planning",
    items: [
      { href: "/calendar", label: "Calendar", show: any },
      { href: "/schedule", label: "Windows & production", show: any },
      { href: "/board", label: "Change board", show: any },
      { href: "/catalog", label: "Catalog", show: (a) => sitesWithPermission(a, "catalog.view").length > 0 },
    ],
  },
  { href: "/assets", label: "Assets", show: any },
  {
    href: "/advisories",
    label: "Advisories",
    show: (a) => sitesWithPermission(a, "advisory.view").length > 0,
  },
  {
    label: "Oversight",
    items: [
      { href: "/audit", label: "Audit trail", show: auditor },
      { href: "/compliance", label: "Compliance", show: auditor },
    ],
  },
  { href: "/admin", label: "Administration", show: (a) => a.isAdmin },
];

/** The entries this actor may see; a group left with one link becomes that link. */
export function navEntries(actor: Actor, approvals: number): NavEntry[] {
  const item = (i: Item): NavItem => ({
    href: i.href,
    label: i.label,
    count: i.href === "/approvals" ? approvals : undefined,
  });
  const out: NavEntry[] = [];
  for (const e of ENTRIES) {
    if (!("items" in e)) {
      if (e.show(actor)) out.push(item(e));
      continue;
    }
    const items = e.items.filter((i) => i.show(actor)).map(item);
    if (items.length > 1) out.push({ label: e.label, items });
    else if (items.length === 1) out.push(items[0]!);
  }
  return out;
}

/** The main navigation: one line of links and menus from 900 px, a menu button below. */
export function Nav({ actor, approvals }: { actor: Actor; approvals: number }) {
  const entries = navEntries(actor, approvals);
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      <Link
        href="/"
        className="mr-3 inline-flex items-center gap-1.5 text-sm font-bold tracking-tight text-slate-900 no-underline hover:no-underline"
      >
        <ProductMark className="size-6" />
        Interlock
      </Link>
      <ul className="hidden items-center gap-1 min-[900px]:flex">
        {entries.map((e) => (
          <li key={isGroup(e) ? e.label : e.href}>
            {isGroup(e) ? (
              <NavGroupMenu group={e} />
            ) : (
              <NavLink href={e.href} count={e.count}>
                {e.label}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
      <NavMenu entries={entries} />
    </nav>
  );
}

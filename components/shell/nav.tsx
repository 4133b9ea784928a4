import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { NavLink } from "./nav-link";
import { NavMenu } from "./nav-menu";
import { ProductMark } from "./product-mark";

export interface NavItem {
  href: string;
  label: string;
  /** A count shown beside the label (the approvals waiting for the viewer). */
  count?: number;
}

interface Item {
  href: string;
  label: string;
  show: (a: Actor) => boolean;
}

const any = (a: Actor) => a.grants.length > 0;
const ITEMS: Item[] = [
  { href: "/", label: "Dashboard", show: () => true },
  { href: "/changes", label: "Changes", show: any },
  { href: "/approvals", label: "My approvals", show: any },
  { href: "/board", label: "Change board", show: any },
  { href: "/catalog", label: "Catalog", show: (a) => sitesWithPermission(a, "catalog.view").length > 0 },
  { href: "/calendar", label: "Calendar", show: any },
  { href: "/schedule", label: "Windows & production", show: any },
  { href: "/assets", label: "Assets", show: any },
  {
    href: "/advisories",
    label: "Advisories",
    show: (a) => sitesWithPermission(a, "advisory.view").length > 0,
  },
  { href: "/audit", label: "Audit trail", show: (a) => sitesWithPermission(a, "audit.view").length > 0 },
  { href: "/compliance", label: "Compliance", show: (a) => sitesWithPermission(a, "audit.view").length > 0 },
  { href: "/admin", label: "Administration", show: (a) => a.isAdmin },
];

/** The main navigation: a row of links from 900 px, a menu button below. */
export function Nav({ actor, approvals }: { actor: Actor; approvals: number }) {
  const items: NavItem[] = ITEMS.filter((i) => i.show(actor)).map((i) => ({
    href: i.href,
    label: i.label,
    count: i.href === "/approvals" ? approvals : undefined,
  }));
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      <Link
        href="/"
        className="mr-3 inline-flex items-center gap-1.5 text-sm font-bold tracking-tight text-slate-900 no-underline hover:no-underline"
      >
        <ProductMark className="size-6" />
        Interlock
      </Link>
      <ul className="hidden flex-wrap items-center gap-1 min-[900px]:flex">
        {items.map((i) => (
          <li key={i.href}>
            <NavLink href={i.href} count={i.count}>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <NavMenu items={items} />
    </nav>
  );
}

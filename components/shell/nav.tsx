import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { NavLink } from "./nav-link";

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

export function Nav({ actor }: { actor: Actor }) {
  return (
    <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
      <Link
        href="/"
        className="mr-3 text-sm font-bold tracking-tight text-slate-900 no-underline hover:no-underline"
      >
        Interlock
      </Link>
      {ITEMS.filter((i) => i.show(actor)).map((i) => (
        <NavLink key={i.href} href={i.href}>
          {i.label}
        </NavLink>
      ))}
    </nav>
  );
}

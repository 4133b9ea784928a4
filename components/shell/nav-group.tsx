"use client";
import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { MENU_ITEM, MenuContent } from "@/components/ui/menu";
import { cn } from "@/lib/cn";
import type { NavGroup } from "./nav-types";
import { isActive } from "./nav-link";

/** A heading in the top bar that opens its links (Radix: arrow keys, Escape, focus returns). */
export function NavGroupMenu({ group }: { group: NavGroup }) {
  const pathname = usePathname();
  const current = group.items.find((i) => isActive(pathname, i.href));
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={current ? `${group.label}: ${current.label}` : undefined}
        className={cn(
          "inline-flex items-center gap-0.5 rounded-md px-2 py-1 text-sm whitespace-nowrap hover:bg-slate-100 data-[state=open]:bg-slate-100",
          current ? "bg-slate-100 font-medium text-slate-950" : "text-slate-700",
        )}
      >
        {group.label}
        <ChevronDown className="size-3.5" aria-hidden="true" />
      </DropdownMenu.Trigger>
      <MenuContent align="start" className="min-w-48">
        {group.items.map((i) => {
          const active = isActive(pathname, i.href);
          return (
            <DropdownMenu.Item
              key={i.href}
              asChild
              className={cn(
                MENU_ITEM,
                "hover:no-underline",
                active ? "font-medium text-slate-950" : "text-slate-800",
              )}
            >
              <Link href={i.href} aria-current={active ? "page" : undefined}>
                {i.label}
              </Link>
            </DropdownMenu.Item>
          );
        })}
      </MenuContent>
    </DropdownMenu.Root>
  );
}

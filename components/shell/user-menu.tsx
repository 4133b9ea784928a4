"use client";
import { DropdownMenu } from "radix-ui";
import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { MENU_ITEM, MenuContent } from "@/components/ui/menu";
import { signOutEverywhere } from "./sign-out";

export function UserMenu({ name, email, roles }: { name: string; email: string; roles: string[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-800 hover:bg-slate-100">
        {name}
        <ChevronDown className="size-3.5" aria-hidden="true" />
      </DropdownMenu.Trigger>
      <MenuContent align="end" className="min-w-64">
        <div className="px-2 py-1.5">
          <p className="font-medium text-slate-900">{name}</p>
          <p className="text-xs text-slate-600">{email}</p>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700" aria-label="Your roles">
            {roles.length ? roles.map((r) => <li key={r}>{r}</li>) : <li>No site roles</li>}
          </ul>
        </div>
        <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
        <DropdownMenu.Item asChild className={`${MENU_ITEM} text-slate-800`}>
          <Link href="/profile">Profile and API tokens</Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item
          className={`${MENU_ITEM} text-slate-800`}
          onSelect={() => void signOutEverywhere()}
        >
          Sign out
        </DropdownMenu.Item>
      </MenuContent>
    </DropdownMenu.Root>
  );
}

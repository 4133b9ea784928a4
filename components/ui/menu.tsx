"use client";
import { DropdownMenu } from "radix-ui";
import { cn } from "@/lib/cn";

/** A dropdown's panel (Radix: arrow keys, Escape, focus back on the trigger), one look everywhere. */
export function MenuContent({
  align,
  className,
  children,
}: {
  align: "start" | "end";
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align={align}
        sideOffset={4}
        className={cn("z-50 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg", className)}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

/** A menu item's box: highlighted by keyboard or pointer. */
export const MENU_ITEM =
  "block rounded px-2 py-1.5 no-underline outline-none data-[highlighted]:bg-slate-100";

import { Slot } from "radix-ui";
import * as React from "react";
import { cn } from "@/lib/cn";

const VARIANTS = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 border-blue-800",
  secondary: "bg-white text-slate-800 hover:bg-slate-100 border-slate-300",
  danger: "bg-red-700 text-white hover:bg-red-800 border-red-800",
  /** A destructive action offered beside the primary one: visually secondary, red words. */
  "danger-quiet": "bg-white text-red-800 hover:bg-red-50 border-slate-300",
  ghost: "bg-transparent text-slate-700 hover:bg-slate-100 border-transparent",
} as const;

export interface ButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  size?: "sm" | "md";
  asChild?: boolean;
}

export function Button({
  variant = "secondary",
  size = "md",
  asChild,
  className,
  type,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      type={asChild ? undefined : (type ?? "button")}
      className={cn(
        "inline-flex items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap no-underline hover:no-underline disabled:cursor-not-allowed disabled:opacity-50",
        size === "sm" ? "h-7 px-2.5 text-xs" : "h-8 px-3 text-sm",
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  );
}

import Link from "next/link";
import { cn } from "@/lib/cn";

/** Site choice as plain links, so the page URL names the site and works without JavaScript. */
export function SiteSwitcher({
  sites,
  current,
  href,
}: {
  sites: { code: string; name: string }[];
  current: string;
  href: (code: string) => string;
}) {
  if (sites.length < 2) return null;
  return (
    <nav aria-label="Site" className="flex flex-wrap gap-1">
      {sites.map((s) => (
        <Link
          key={s.code}
          href={href(s.code)}
          aria-current={s.code === current ? "page" : undefined}
          className={cn(
            "rounded-md border px-2.5 py-1 text-sm no-underline hover:no-underline",
            s.code === current
              ? "border-slate-800 bg-slate-800 text-white"
              : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
          )}
        >
          {s.code} · {s.name}
        </Link>
      ))}
    </nav>
  );
}

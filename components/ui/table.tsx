import Link from "next/link";
import { cn } from "@/lib/cn";

export function Table({
  caption,
  children,
  className,
}: {
  caption: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    // Focusable and labelled so a table wider than a tablet screen can be scrolled by keyboard.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn("overflow-x-auto rounded-lg border border-slate-200 bg-white", className)}
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className }: { children?: React.ReactNode; className?: string }) {
  return (
    <th
      scope="col"
      className={cn(
        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700",
        className,
      )}
    >
      {children}
    </th>
  );
}

/** A column header that sorts server-side by rewriting the query string; aria-sort tells screen readers. */
export function SortTh({
  label,
  column,
  sort,
  dir,
  href,
  className,
}: {
  label: string;
  column: string;
  sort: string;
  dir: "asc" | "desc";
  href: (sort: string, dir: "asc" | "desc") => string;
  className?: string;
}) {
  const active = sort === column;
  const next = active && dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={cn(
        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700",
        className,
      )}
    >
      <Link
        href={href(column, next)}
        className="inline-flex items-center gap-1 text-slate-700 hover:text-slate-950"
      >
        {label}
        <span aria-hidden="true" className="text-slate-500">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function Td({
  children,
  className,
  colSpan,
}: {
  children?: React.ReactNode;
  className?: string;
  colSpan?: number;
}) {
  return (
    <td
      colSpan={colSpan}
      className={cn("border-b border-slate-100 px-3 py-1.5 align-top text-slate-800", className)}
    >
      {children}
    </td>
  );
}

/** The one row of a table that has nothing to list: what it means, or what to do next. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <Td colSpan={colSpan} className="text-slate-600">
        {children}
      </Td>
    </tr>
  );
}

export function Pager({
  nextHref,
  firstHref,
  count,
}: {
  nextHref: string | null;
  firstHref: string | null;
  count: number;
}) {
  return (
    <nav aria-label="Pagination" className="mt-2 flex items-center justify-between text-xs text-slate-600">
      <span>{count} shown</span>
      <span className="flex gap-3">
        {firstHref ? <Link href={firstHref}>First page</Link> : null}
        {nextHref ? <Link href={nextHref}>Next page →</Link> : null}
      </span>
    </nav>
  );
}

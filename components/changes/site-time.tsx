import { formatInZone, formatUtc, isoInstant, type InstantLike } from "@/lib/domain/site-time";

/** An instant in the site's zone with its abbreviation; the UTC instant on hover. */
export function SiteTime({ at, zone, className }: { at: InstantLike; zone: string; className?: string }) {
  const iso = isoInstant(at);
  if (!iso) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} title={formatUtc(at)} className={className}>
      {formatInZone(at, zone)}
    </time>
  );
}

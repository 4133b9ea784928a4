"use client";
import { useEffect, useState } from "react";
import {
  formatInZone,
  formatUtc,
  isoInstant,
  zoneAbbreviation,
  type InstantLike,
} from "@/lib/domain/site-time";

/** The hover text: the viewer's own clock where it differs from the site's, else UTC. */
export function viewerTitle(at: InstantLike, zone: string, viewerZone: string | null): string {
  const utc = formatUtc(at);
  const iso = isoInstant(at);
  if (!iso || !viewerZone || viewerZone === zone) return utc;
  if (zoneAbbreviation(viewerZone, iso) === zoneAbbreviation(zone, iso)) return utc;
  return `${formatInZone(at, viewerZone)} your time · ${utc}`;
}

/** An instant in the site's zone with its abbreviation; the viewer's time (or UTC) on hover. */
export function SiteTime({ at, zone, className }: { at: InstantLike; zone: string; className?: string }) {
  const [viewerZone, setViewerZone] = useState<string | null>(null);
  // The browser's zone is known only after hydration; the server renders UTC on hover.
  useEffect(() => setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const iso = isoInstant(at);
  if (!iso) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} title={viewerTitle(at, zone, viewerZone)} className={className}>
      {formatInZone(at, zone)}
    </time>
  );
}

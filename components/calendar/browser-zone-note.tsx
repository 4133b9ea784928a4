"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/** The server cannot know the viewer's zone; the browser says so when it differs from the site's. */
export function BrowserZoneNote({ siteZone }: { siteZone: string }) {
  const zone = useSyncExternalStore(noop, browserZone, serverZone);
  if (!zone || zone === siteZone) return null;
  return (
    <span className="text-slate-600">
      {" "}
      Your browser is set to {zone.replace(/_/g, " ")}; all times here are site time.
    </span>
  );
}

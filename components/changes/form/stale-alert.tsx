"use client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formatInZone } from "@/lib/domain/site-time";

export interface StaleInfo {
  by: string | null;
  at: string | null;
  version: number | null;
  message: string;
  reloaded?: { version: number; kept: string[] };
}

export function StaleEditAlert({
  stale,
  zone,
  onReload,
}: {
  stale: StaleInfo;
  zone: string;
  onReload?: () => void;
}) {
  if (stale.reloaded) {
    return (
      <Alert tone="info" title={`Reloaded version ${stale.reloaded.version}`}>
        {stale.reloaded.kept.length
          ? `Your unsaved edits (${stale.reloaded.kept.join(", ")}) are kept on top of it. Review them and save again.`
          : "You had no unsaved edits; the form now shows the latest version."}
      </Alert>
    );
  }
  const who = stale.by ?? "Someone else";
  const when = stale.at ? ` on ${formatInZone(stale.at, zone)}` : "";
  return (
    <Alert tone="warning" title="Someone else changed this change first">
      <p>
        {who} saved it{when}
        {stale.version ? ` (now version ${stale.version})` : ""}. Nothing of yours was saved, and your entries
        are still in the form.
      </p>
      {onReload ? (
        <Button size="sm" className="mt-2" onClick={onReload}>
          Reload latest version (keep my edits)
        </Button>
      ) : null}
    </Alert>
  );
}

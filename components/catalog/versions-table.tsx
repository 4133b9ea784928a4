import { SiteTime } from "@/components/changes/site-time";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ModelVersionView } from "@/lib/types/catalog";
import { VersionStateBadge } from "./badges";

/** Every version, newest first, with the board's e-signatures as recorded (printed name, meaning, site time). */
export function VersionsTable({ versions, zone }: { versions: ModelVersionView[]; zone: string }) {
  return (
    <Table caption="Versions and the change board's signatures">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>State</Th>
          <Th>Proposed</Th>
          <Th>Change board signatures</Th>
          <Th>Content hash</Th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} data-testid="version-row">
            <Td className="font-medium whitespace-nowrap">v{v.version}</Td>
            <Td>
              <VersionStateBadge state={v.state} />
            </Td>
            <Td>
              {v.proposedByName}
              <span className="block text-xs whitespace-nowrap text-slate-600">
                <SiteTime at={v.proposedAt} zone={zone} />
              </span>
            </Td>
            <Td>
              {v.signoffs.length === 0 ? (
                <span className="text-slate-600">
                  {v.state === "proposed" ? "Not signed yet" : "Not signed"}
                </span>
              ) : (
                <ul className="space-y-1.5">
                  {v.signoffs.map((s) => (
                    <li key={s.id} data-testid="model-signoff">
                      <Badge tone={s.decision === "approve" ? "green" : "red"}>
                        {s.decision === "approve" ? "Approved" : "Rejected"}
                      </Badge>{" "}
                      <span className="font-medium">{s.signerName}</span>{" "}
                      <span className="text-xs text-slate-600">
                        &lt;{s.signerEmail}&gt; · <SiteTime at={s.signedAt} zone={zone} />
                      </span>
                      <span className="block text-xs text-slate-700">Meaning: {s.meaning}</span>
                      {s.comment ? (
                        <span className="block text-xs text-slate-700">Comment: {s.comment}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>
              <code className="font-mono text-xs" title={v.contentHash}>
                {v.contentHash.slice(0, 12)}
              </code>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

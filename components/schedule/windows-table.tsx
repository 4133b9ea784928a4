import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { WindowKindBadge } from "./kind-badge";

export interface WindowRowView {
  id: string;
  kind: "maintenance" | "blackout";
  title: string;
  areaCodes: string[];
  summary: string;
  cancelledOccurrences: string[];
}

export function WindowsTable({
  windows,
  canManage,
  siteCode,
}: {
  windows: WindowRowView[];
  canManage: boolean;
  siteCode: string;
}) {
  return (
    <Table caption={`Maintenance windows and blackouts at ${siteCode}`}>
      <thead>
        <tr>
          <Th>Title</Th>
          <Th>Kind</Th>
          <Th>Areas</Th>
          <Th>Schedule</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
        {windows.length === 0 ? (
          <tr>
            <Td colSpan={5} className="py-6 text-center text-slate-600">
              No windows or blackouts at {siteCode} yet.
              {canManage
                ? " Create the first one to open the site for changes."
                : " Ask a change manager at this site to open one."}
            </Td>
          </tr>
        ) : (
          windows.map((w) => (
            <tr key={w.id}>
              <Td className="font-medium">
                <Link href={`/schedule/windows/${w.id}`}>{w.title}</Link>
              </Td>
              <Td>
                <WindowKindBadge kind={w.kind} />
              </Td>
              <Td>
                {w.areaCodes.length ? (
                  w.areaCodes.join(", ")
                ) : (
                  <span className="whitespace-nowrap text-slate-600">Whole site</span>
                )}
              </Td>
              <Td>{w.summary}</Td>
              <Td className="text-right whitespace-nowrap">
                <Link
                  href={`/schedule/windows/${w.id}`}
                  aria-label={`Occurrences of ${w.title}`}
                  className="text-sm"
                >
                  Occurrences
                </Link>
                {canManage ? (
                  <Link
                    href={`/schedule/windows/${w.id}/edit`}
                    aria-label={`Edit ${w.title}`}
                    className="ml-3 text-sm"
                  >
                    Edit
                  </Link>
                ) : null}
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

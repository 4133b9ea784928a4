import { FileDown } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The change record as a PDF (server-rendered), downloaded through the API with the session. */
export function RecordPdfLink({ changeId }: { changeId: string }) {
  return (
    <Button asChild size="sm">
      <a href={`/api/v1/changes/${changeId}/record.pdf`} download>
        <FileDown className="size-4" aria-hidden="true" />
        Record as PDF
      </a>
    </Button>
  );
}

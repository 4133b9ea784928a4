import { ScrollText } from "lucide-react";
import Link from "next/link";
import { trailHref } from "@/lib/audit/page-filters";

/** From the change's own history to every event about it in the audit trail (chain hashes, exports). */
export function TrailLink({ number }: { number: string }) {
  return (
    <p className="mb-2 flex justify-end text-sm">
      <Link href={trailHref(number)} className="inline-flex items-center gap-1 text-sky-800 underline">
        <ScrollText className="size-4" aria-hidden="true" />
        Audit trail of {number}
      </Link>
    </p>
  );
}

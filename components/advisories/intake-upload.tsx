"use client";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

type Kind = "advisory" | "kev";
const TARGET: Record<Kind, { url: string; label: string; hint: string }> = {
  advisory: {
    url: "/api/v1/advisories/import",
    label: "CSAF 2.0 advisory (JSON)",
    hint: "As published by CISA, a CERT or the vendor's PSIRT. Up to 10 MB.",
  },
  kev: {
    url: "/api/v1/kev/import",
    label: "CISA KEV catalog (JSON)",
    hint: "known_exploited_vulnerabilities.json; a newer catalog replaces the marks.",
  },
};

/**
 * Uploads the file to the same REST endpoint tools use (the session cookie authenticates, the
 * Origin header passes the CSRF check), so the UI and the API cannot disagree.
 */
export function IntakeUpload({ kind }: { kind: Kind }) {
  const id = useId();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const t = TARGET[kind];

  async function send(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(t.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file,
      });
      const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (!res.ok) {
        setMessage({
          tone: "error",
          text: String(body?.detail ?? `The server refused the file (${res.status}).`),
        });
        return;
      }
      if (kind === "kev") {
        const changed = body?.changed
          ? `imported: ${String(body.count)} known-exploited CVEs`
          : "was already imported; nothing changed";
        setMessage({ tone: "success", text: `KEV catalog ${String(body?.catalogVersion)} ${changed}.` });
        router.refresh();
        return;
      }
      const advisory = body?.advisory as { id: string } | undefined;
      if (advisory) router.push(`/advisories/${advisory.id}?imported=${String(body?.outcome)}`);
    } catch {
      setMessage({
        tone: "error",
        text: "The upload did not reach the server; nothing was imported. Try again.",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {t.label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type="file"
          accept="application/json,.json"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(e) => {
            void send(e.target.files?.[0]);
            e.target.value = "";
          }}
          className="block max-w-full text-sm text-slate-800 file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-2.5 file:py-1 file:text-sm file:font-medium"
        />
        {busy ? (
          <Button size="sm" disabled>
            <Upload className="size-3.5" aria-hidden="true" />
            Importing…
          </Button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t.hint}
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}

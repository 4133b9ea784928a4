"use client";
import { Download, Loader2, X } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type State =
  | { phase: "idle" }
  | { phase: "running"; bytes: number }
  | { phase: "done"; bytes: number }
  | { phase: "failed"; message: string };

const mb = (b: number) =>
  b < 1024 * 1024 ? `${(b / 1024).toFixed(0)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`;

/**
 * Downloads an export while showing how much has arrived. The server streams without a known
 * length, so progress is the bytes received so far.
 */
export function ExportButton({ href, format }: { href: string; format: "csv" | "json" }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);
  const label = format.toUpperCase();

  async function run() {
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ phase: "running", bytes: 0 });
    try {
      const res = await fetch(href, { signal: ctl.signal });
      if (!res.ok || !res.body) {
        const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
        setState({ phase: "failed", message: problem?.detail ?? `The export failed (${res.status}).` });
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];
      const parts: Uint8Array[] = [];
      const reader = res.body.getReader();
      let bytes = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        setState({ phase: "running", bytes });
      }
      const url = URL.createObjectURL(
        new Blob(parts as BlobPart[], { type: res.headers.get("content-type") ?? "" }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = name ?? `interlock-audit.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ phase: "done", bytes });
    } catch (e) {
      setState(
        ctl.signal.aborted
          ? { phase: "idle" }
          : { phase: "failed", message: e instanceof Error ? e.message : "The export failed." },
      );
    } finally {
      abort.current = null;
    }
  }

  return (
    <span className="flex items-center gap-2">
      {state.phase === "running" ? (
        <>
          <span role="status" aria-live="polite" className="text-xs text-slate-700">
            <Loader2 className="mr-1 inline size-3.5 animate-spin" aria-hidden="true" />
            Exporting {label}: {mb(state.bytes)} received so far
          </span>
          <Button size="sm" variant="ghost" onClick={() => abort.current?.abort()}>
            <X className="size-3.5" aria-hidden="true" />
            Cancel
          </Button>
        </>
      ) : (
        <>
          {state.phase === "done" ? (
            <span role="status" className="text-xs text-slate-700">
              {label} saved ({mb(state.bytes)})
            </span>
          ) : state.phase === "failed" ? (
            <span role="alert" className="text-xs text-red-800">
              {state.message}
            </span>
          ) : null}
          <Button size="sm" onClick={run}>
            <Download className="size-3.5" aria-hidden="true" />
            Export {label}
          </Button>
        </>
      )}
    </span>
  );
}

"use client";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { ImportProblems, ImportStatus } from "@/components/ui/import-report";
import { Table, Td, Th } from "@/components/ui/table";
import { RUN_CRITICALITY_LABELS, RUN_KIND_LABELS } from "@/lib/domain/labels";
import type { FormResult } from "@/lib/schemas/form-result";
import type { RunImportReport } from "@/lib/types/schedule";

type Phase = "idle" | "checking" | "checked" | "importing" | "done";
const MAX_BYTES = 2 * 1024 * 1024;

/** Dry run first (every bad cell by line and column), then an all-or-nothing import of exactly the checked text. */
export function RunImport({
  siteCode,
  run,
}: {
  siteCode: string;
  run: (csvText: string, dryRun: boolean) => Promise<FormResult<RunImportReport>>;
}) {
  const [text, setText] = useState("");
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [report, setReport] = useState<RunImportReport | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string | null>(null);
  const [, start] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);

  const load = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError("The file is larger than 2 MB; split it into smaller files.");
      return;
    }
    setText(await file.text());
    setReport(null);
    setPhase("idle");
  };

  const go = (dryRun: boolean) =>
    start(async () => {
      setError(null);
      setPhase(dryRun ? "checking" : "importing");
      const body = dryRun ? text : (checkedText ?? text);
      const r = await run(body, dryRun);
      if (!r.ok) {
        setError(r.message);
        setPhase("idle");
        return;
      }
      setReport(r.data);
      if (dryRun) setCheckedText(r.data.valid ? body : null);
      setPhase(!dryRun && r.data.valid ? "done" : "checked");
    });

  const busy = phase === "checking" || phase === "importing";
  const status =
    phase === "checking"
      ? "Checking the file…"
      : phase === "importing"
        ? `Importing ${report?.count ?? ""} runs…`
        : phase === "done" && report
          ? `Imported ${report.count} production run${report.count === 1 ? "" : "s"} into ${siteCode}.`
          : phase === "checked" && report
            ? report.valid
              ? `The file is valid: ${report.count} run${report.count === 1 ? "" : "s"} ready to import. Nothing has been written yet.`
              : `${report.errors.length} problem${report.errors.length === 1 ? "" : "s"} found; nothing was imported. Fix the file and check it again.`
            : "";

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="csv-file" className="block text-xs font-medium text-slate-700">
            CSV file
          </label>
          <input
            ref={fileRef}
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void load(e.target.files?.[0])}
            className="block text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1 file:text-sm"
          />
          <p className="text-xs text-slate-600">
            Columns: <code>areaCode</code> (files with an <code>area</code> column still import),{" "}
            <code>title</code>, <code>kind</code> (<code>run</code>, <code>campaign</code>, <code>batch</code>
            , <code>turnaround</code>), <code>criticality</code> (<code>critical</code>, <code>normal</code>,{" "}
            <code>low</code>), <code>start</code>, <code>end</code>. Times are site time (
            <code>2027-03-14T06:00</code>) unless they carry an offset.
          </p>
        </div>
        <Field id="csv-text" label="…or paste the CSV">
          <Textarea
            rows={6}
            className="font-mono text-xs"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setReport(null);
              setCheckedText(null);
              setPhase("idle");
            }}
            placeholder={
              "areaCode,title,kind,criticality,start,end\nCDU,Crude run 12,run,critical,2027-03-01T06:00,2027-03-20T06:00"
            }
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => go(true)} disabled={busy || !text.trim()}>
          Check file (dry run)
        </Button>
        <Button
          variant="primary"
          onClick={() => go(false)}
          disabled={busy || phase !== "checked" || !report?.valid || checkedText === null}
        >
          {report?.valid && phase === "checked" ? `Import ${report.count} runs` : "Import"}
        </Button>
        {phase === "done" ? (
          <Link href={`/schedule?site=${siteCode}`}>Back to the production schedule</Link>
        ) : null}
      </div>
      <ImportStatus busy={busy} status={status} failed={!!report && !report.valid} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ImportProblems problems={report?.errors ?? []} />
      {report && report.valid && report.sample.length ? (
        <Table
          caption={
            phase === "done" ? "Imported runs (first rows)" : "Runs that will be imported (first rows)"
          }
        >
          <thead>
            <tr>
              <Th>Area</Th>
              <Th>Title</Th>
              <Th>Type</Th>
              <Th>Criticality</Th>
              <Th>Start (site time)</Th>
              <Th>End (site time)</Th>
            </tr>
          </thead>
          <tbody>
            {report.sample.map((r, i) => (
              <tr key={i}>
                <Td>{r.areaCode}</Td>
                <Td>{r.title}</Td>
                <Td>{RUN_KIND_LABELS[r.kind]}</Td>
                <Td>{RUN_CRITICALITY_LABELS[r.criticality]}</Td>
                <Td className="whitespace-nowrap">{r.localStart.slice(0, 16).replace("T", " ")}</Td>
                <Td className="whitespace-nowrap">{r.localEnd.slice(0, 16).replace("T", " ")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}

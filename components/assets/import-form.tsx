"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { ImportProblems, ImportStatus } from "@/components/ui/import-report";
import type { CsvCellError } from "@/lib/csv/read";
import type { ImportResult } from "@/lib/types/assets";
import type { FormResult } from "@/lib/schemas/form-result";
import { useHydrated } from "./use-hydrated";
import { SiteOptions } from "@/components/ui/site-options";

type Phase = "idle" | "checking" | "checked" | "importing" | "done";
// Server actions accept bodies up to 1 MB; larger files go through the REST API.
const MAX_BYTES = 1_000_000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Dry run first (every bad cell by line and column), then an all-or-nothing import of exactly the checked text. */
export function AssetImport({
  sites,
  initialSite,
  run,
}: {
  sites: { code: string; name: string }[];
  initialSite: string;
  run: (siteCode: string, csvText: string, dryRun: boolean) => Promise<FormResult<ImportResult>>;
}) {
  const [siteCode, setSiteCode] = useState(initialSite);
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<{ site: string; text: string } | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<CsvCellError[]>([]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string | null>(null);
  const [, start] = useTransition();
  const hydrated = useHydrated();

  const reset = () => {
    setReport(null);
    setProblems([]);
    setChecked(null);
    setPhase("idle");
    setError(null);
  };

  const load = async (file: File | undefined) => {
    reset();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(
        "The file is larger than 1 MB. Split it, or send it to POST /api/v1/assets/import, which takes up to 2 MB.",
      );
      return;
    }
    setText(await file.text());
  };

  const go = (dryRun: boolean) =>
    start(async () => {
      setError(null);
      setPhase(dryRun ? "checking" : "importing");
      const body = dryRun ? text : (checked?.text ?? text);
      if (new Blob([body]).size > MAX_BYTES) {
        setError("The text is larger than 1 MB. Split it, or use the REST API (up to 2 MB).");
        setPhase("idle");
        return;
      }
      let r: FormResult<ImportResult>;
      try {
        r = await run(siteCode, body, dryRun);
      } catch {
        // The request itself failed (connection lost, body refused before reaching the service).
        setError("The server could not be reached or refused the upload; nothing was imported. Try again.");
        setPhase("idle");
        return;
      }
      if (!r.ok) {
        setError(r.message);
        setProblems(r.rowErrors ?? []);
        setChecked(null);
        setPhase(r.rowErrors?.length ? "checked" : "idle");
        return;
      }
      setReport(r.data);
      setProblems(r.data.errors);
      setChecked(dryRun && r.data.ok ? { site: siteCode, text: body } : null);
      setPhase(!dryRun && r.data.ok ? "done" : "checked");
    });

  const busy = phase === "checking" || phase === "importing";
  const ready = phase === "checked" && report?.ok && checked?.site === siteCode;
  const status =
    phase === "checking"
      ? "Checking every row…"
      : phase === "importing"
        ? `Importing ${plural(report?.validCount ?? 0, "asset")} into ${siteCode}…`
        : phase === "done" && report
          ? `Imported ${plural(report.created, "asset")} into ${report.siteCode}.`
          : phase === "checked" && report?.ok
            ? `The file is valid: ${plural(report.validCount, "asset")} ready to import into ${report.siteCode}. Nothing has been written yet.`
            : phase === "checked" && problems.length
              ? `${plural(report?.errorCount ?? problems.length, "problem")} found; nothing was imported. Fix the file and check it again.`
              : "";

  return (
    <div className="space-y-4">
      <fieldset disabled={!hydrated} className="grid min-w-0 gap-4 md:grid-cols-3">
        <Field id="import-site" label="Site">
          <Select
            value={siteCode}
            onChange={(e) => {
              setSiteCode(e.target.value);
              reset();
            }}
          >
            <SiteOptions sites={sites} />
          </Select>
        </Field>
        <div className="space-y-1 md:col-span-2">
          <label htmlFor="csv-file" className="block text-xs font-medium text-slate-700">
            CSV file
          </label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-file-hint"
            onChange={(e) => void load(e.target.files?.[0])}
            className="block text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1 file:text-sm"
          />
          <p id="csv-file-hint" className="text-xs text-slate-600">
            Header row first. Required: tag, name, kind, criticality. Optional: areaCode, vendor, product,
            modelNumber, version, purdueLevel (0–5 or 3.5), zone, safetyRelated and gxp (yes/no),
            redundancyGroup.{" "}
            <a href="/api/v1/assets/import-template.csv" download className="font-medium underline">
              Download the template
            </a>
            .
          </p>
        </div>
      </fieldset>
      <Field id="csv-text" label="…or paste the CSV">
        <Textarea
          disabled={!hydrated}
          rows={8}
          className="font-mono text-xs"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            reset();
          }}
          placeholder={
            "tag,name,kind,areaCode,criticality,purdueLevel,safetyRelated\nPLC-201A,Reactor PLC A,plc,CDU,production_critical,1,no"
          }
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => go(true)} disabled={busy || !text.trim()}>
          Check (dry run)
        </Button>
        <Button variant="primary" onClick={() => go(false)} disabled={busy || !ready}>
          {ready && report ? `Import ${plural(report.validCount, "asset")}` : "Import"}
        </Button>
        {phase === "done" ? <Link href={`/assets?site=${siteCode}`}>See the {siteCode} assets</Link> : null}
      </div>
      <ImportStatus busy={busy} status={status} failed={problems.length > 0} />
      {error && !problems.length ? <Alert tone="error">{error}</Alert> : null}
      <ImportProblems problems={problems} />
    </div>
  );
}

"use client";
// NERC CIP-010 R1.6 in the outcome dialog: the implementer records what was installed and how it
// was checked against the vendor's published value. The verdict shown while typing is the rule
// the server applies (lib/domain), so nobody learns of a mismatch only from a refusal.
import { Field, Input, Textarea } from "@/components/ui/field";
import { integrityRefusal } from "@/lib/domain/changes/supply-chain";
import { integrityCheckSchema, type IntegrityCheckInput } from "@/lib/schemas/integrity";

export interface IntegrityDraft {
  method: "sha256" | "signature";
  fileName: string;
  computedSha256: string;
  publishedSha256: string;
  signatureValid: "" | "yes" | "no";
  signatureDetail: string;
}

export const EMPTY_INTEGRITY: IntegrityDraft = {
  method: "sha256",
  fileName: "",
  computedSha256: "",
  publishedSha256: "",
  signatureValid: "",
  signatureDetail: "",
};

/** The body field as the API takes it; undefined when nothing was entered. */
export function integrityInput(d: IntegrityDraft): IntegrityCheckInput | undefined {
  if (d.method === "sha256") {
    if (!d.fileName && !d.computedSha256 && !d.publishedSha256) return undefined;
    return { method: "sha256", ...pick(d, "fileName", "computedSha256", "publishedSha256") };
  }
  if (!d.fileName && !d.signatureValid && !d.signatureDetail) return undefined;
  return {
    method: "signature",
    fileName: d.fileName,
    // Unanswered stays unanswered, so the schema asks for it instead of assuming "no".
    signatureValid: (d.signatureValid === "" ? undefined : d.signatureValid === "yes") as boolean,
    signatureDetail: d.signatureDetail,
  };
}

function pick<K extends keyof IntegrityDraft>(d: IntegrityDraft, ...keys: K[]) {
  return Object.fromEntries(keys.map((k) => [k, d[k]])) as Pick<IntegrityDraft, K>;
}

/** Field errors keyed like the server's (`integrity.fileName`, …), from the shared schema. */
export function integrityErrors(input: IntegrityCheckInput | undefined): Record<string, string> {
  if (!input) return {};
  const parsed = integrityCheckSchema.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const i of parsed.error.issues) out[["integrity", ...i.path.map(String)].join(".")] ??= i.message;
  return out;
}

function Verdict({ draft }: { draft: IntegrityDraft }) {
  const parsed = integrityCheckSchema.safeParse(integrityInput(draft));
  if (!parsed.success) return null;
  const refusal = integrityRefusal(parsed.data);
  return (
    <p
      role="status"
      className={`text-xs font-medium ${refusal ? "text-red-800" : "text-emerald-800"}`}
      data-testid="integrity-verdict"
    >
      {refusal ??
        (draft.method === "sha256"
          ? "The SHA-256 matches the vendor's published value."
          : "The vendor signature verified.")}
    </p>
  );
}

export function IntegrityFields({
  draft,
  onChange,
  errors,
  required,
}: {
  draft: IntegrityDraft;
  onChange: (d: IntegrityDraft) => void;
  errors: Record<string, string>;
  required: boolean;
}) {
  const set = (patch: Partial<IntegrityDraft>) => onChange({ ...draft, ...patch });
  const text = (k: "fileName" | "computedSha256" | "publishedSha256" | "signatureDetail") => ({
    value: draft[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [k]: e.target.value }),
  });
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-medium text-slate-700">
        Integrity of what was installed (NERC CIP-010 R1.6){required ? "" : " — optional"}
      </legend>
      {errors.integrity ? <p className="text-xs text-red-700">{errors.integrity}</p> : null}
      <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="How the file was checked">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="integrity-method"
            checked={draft.method === "sha256"}
            onChange={() => set({ method: "sha256" })}
          />
          SHA-256 against the vendor&apos;s published value
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="integrity-method"
            checked={draft.method === "signature"}
            onChange={() => set({ method: "signature" })}
          />
          Vendor signature check
        </label>
      </div>
      <Field id="integrity-file" label="File installed" error={errors["integrity.fileName"]}>
        <Input autoComplete="off" placeholder="e.g. 6ES7518-4AP00-0AB0_V3.1.4.upd" {...text("fileName")} />
      </Field>
      {draft.method === "sha256" ? (
        <>
          <Field
            id="integrity-computed"
            label="SHA-256 as computed"
            hint="From sha256sum or Get-FileHash on the file you installed."
            error={errors["integrity.computedSha256"]}
          >
            <Input
              className="font-mono text-xs"
              autoComplete="off"
              spellCheck={false}
              {...text("computedSha256")}
            />
          </Field>
          <Field
            id="integrity-published"
            label="SHA-256 the vendor published"
            error={errors["integrity.publishedSha256"]}
          >
            <Input
              className="font-mono text-xs"
              autoComplete="off"
              spellCheck={false}
              {...text("publishedSha256")}
            />
          </Field>
        </>
      ) : (
        <>
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-slate-700">Result of the signature check</legend>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="integrity-signature"
                  checked={draft.signatureValid === "yes"}
                  onChange={() => set({ signatureValid: "yes" })}
                />
                Verified
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="integrity-signature"
                  checked={draft.signatureValid === "no"}
                  onChange={() => set({ signatureValid: "no" })}
                />
                Did not verify
              </label>
            </div>
            {errors["integrity.signatureValid"] ? (
              <p className="text-xs text-red-700">{errors["integrity.signatureValid"]}</p>
            ) : null}
          </fieldset>
          <Field
            id="integrity-signature-detail"
            label="How it was checked"
            hint="Tool and signer, e.g. Authenticode, signed by Siemens AG."
            error={errors["integrity.signatureDetail"]}
          >
            <Textarea rows={2} {...text("signatureDetail")} />
          </Field>
        </>
      )}
      <Verdict draft={draft} />
    </fieldset>
  );
}

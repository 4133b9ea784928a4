"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";

/**
 * Copies a secret or URL shown in the read-only field `fieldId`. Where the browser refuses the
 * clipboard (an insecure origin, a permission), the field's text is selected for copying by hand.
 */
export function CopyButton({
  value,
  fieldId,
  label,
  onCopied,
}: {
  value: string;
  fieldId: string;
  /** The button's accessible name, e.g. "Copy token to clipboard". */
  label: string;
  onCopied?: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      onCopied?.();
    } catch {
      (document.getElementById(fieldId) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Button onClick={() => void copy()} aria-label={label}>
      {copied ? (
        <Check className="size-4" aria-hidden="true" />
      ) : (
        <Copy className="size-4" aria-hidden="true" />
      )}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

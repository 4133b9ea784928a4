// The change form's implementer field takes a name or an email; the API and the services take
// an email. This maps what was typed onto the candidates' emails.

export interface NamedCandidate {
  email: string;
  name: string;
}

/** An email as typed; a candidate's exact name (any case) as their email; anything else unchanged. */
export function implementerEmailOf(v: unknown, candidates: readonly NamedCandidate[]): string | null {
  const typed = typeof v === "string" ? v.trim() : "";
  if (!typed) return null;
  if (typed.includes("@")) return typed;
  const named = candidates.filter((c) => c.name.toLowerCase() === typed.toLowerCase());
  // Two people of one name: leave it to the email, which the validation then asks for.
  return named.length === 1 ? named[0]!.email : typed;
}

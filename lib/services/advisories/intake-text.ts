import { MAX_INTAKE_BYTES } from "@/lib/schemas/advisories";
import { ServiceError, invalid } from "@/lib/services/base/errors";

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function tooLarge(what: string): ServiceError {
  return new ServiceError(
    "payload_too_large",
    `${what} is larger than ${MB(MAX_INTAKE_BYTES)}; nothing was imported.`,
  );
}

/**
 * The text of an uploaded advisory or catalog as JSON. What is wrong is said plainly (a truncated
 * file names where it ends), as a 422: the file arrived, but it is not what it should be.
 */
export function parseIntakeText(text: string, what: string): unknown {
  if (Buffer.byteLength(text) > MAX_INTAKE_BYTES) throw tooLarge(what);
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) throw invalid(`${what} is empty.`, [{ path: "(body)", message: "empty" }]);
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    const at = /position (\d+)/.exec(message);
    // The parser stopped at the very end: the text is the start of a JSON document, cut short.
    const truncated = /end of (JSON )?input/i.test(message) || (at && Number(at[1]) >= body.trimEnd().length);
    const detail = truncated
      ? `${what} ends before its JSON is complete: the file looks truncated.`
      : `${what} is not JSON${/^\s*</.test(body) ? " (it looks like HTML or XML)" : ""}${at ? ` (error at character ${at[1]})` : ""}.`;
    throw invalid(`${detail} Nothing was imported.`, [{ path: "(body)", message: detail }]);
  }
}

/** Reads a request body up to the intake limit, refusing a larger one without buffering it all. */
export async function readIntakeBody(req: Request, what: string): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_INTAKE_BYTES) throw tooLarge(what);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_INTAKE_BYTES) {
      await reader.cancel();
      throw tooLarge(what);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Where to go after sign-in: always a path on this portal. The value is resolved the way a browser
 * resolves a link (WHATWG URL: `\` counts as `/`, tabs and newlines vanish, `https:evil` and
 * `//evil` name another host), and anything that leaves the origin falls back to "/". A path whose
 * decoded form could be read as another host by a later hop (`/%5Cevil`, `/%09/evil`) is refused too.
 */
const BASE = "http://interlock.invalid";

export function safeCallbackPath(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return "/";
  // Only same-origin relative references: a scheme or a host of any spelling is refused outright.
  if (!value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return "/";
  }
  if (decoded.startsWith("//") || decoded.includes("\\") || /[\u0000-\u001f\u007f]/.test(decoded)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

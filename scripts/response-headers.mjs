// Response headers the production server (scripts/server.mjs) adds at run time, from the run's
// configuration: next.config.js headers() are fixed when the portal is built, NEXTAUTH_URL is not.

/**
 * Strict-Transport-Security when the portal's public URL is https: browsers then refuse plain
 * http for it (a year, subdomains included). Without https the header would be ignored or wrong.
 * @param {string | undefined} publicUrl
 * @returns {string | null}
 */
export function strictTransportSecurity(publicUrl) {
  try {
    return publicUrl && new URL(publicUrl).protocol === "https:"
      ? "max-age=31536000; includeSubDomains"
      : null;
  } catch {
    return null;
  }
}

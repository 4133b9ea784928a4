/** The options of a site select, each site named alike everywhere: its code, then its name. */
export function SiteOptions({ sites }: { sites: readonly { code: string; name: string }[] }) {
  return (
    <>
      {sites.map((s) => (
        <option key={s.code} value={s.code}>
          {s.code} · {s.name}
        </option>
      ))}
    </>
  );
}

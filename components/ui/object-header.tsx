import type { ReactNode } from "react";

/** One key fact: a label and its value in words. */
export interface KeyFact {
  label: string;
  value: ReactNode;
}

/**
 * The header of one object's page (a change, an asset, a window, an advisory): what it is called,
 * its badges, its actions, and the facts a change board, a technician or an auditor looks for
 * first, in one bordered strip that reads the same on every such page.
 */
export function ObjectHeader({
  eyebrow,
  title,
  badges,
  actions,
  facts,
  children,
}: {
  /** The object's number or identifier, above the title. */
  eyebrow?: ReactNode;
  title: string;
  badges?: ReactNode;
  actions?: ReactNode;
  facts: readonly KeyFact[];
  /** What a page shows below the facts (a stepper, a notice). */
  children?: ReactNode;
}) {
  return (
    <header className="mb-4 space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          {eyebrow ? <p className="font-mono text-xs text-slate-600">{eyebrow}</p> : null}
          <h1 className="text-xl font-semibold break-words text-slate-900">{title}</h1>
          {badges ? (
            <div className="mt-1 flex flex-wrap items-center gap-1.5" data-testid="header-badges">
              {badges}
            </div>
          ) : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2 print:hidden">{actions}</div> : null}
      </div>
      <dl
        className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 sm:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))]"
        data-testid="key-facts"
      >
        {facts.map((f) => (
          <div key={f.label} className="min-w-0">
            <dt className="text-xs text-slate-600">{f.label}</dt>
            <dd className="text-sm break-words text-slate-900">{f.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </header>
  );
}

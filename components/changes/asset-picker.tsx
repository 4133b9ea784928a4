"use client";
// A combobox over the whole inventory the requester may change (WAI-ARIA 1.2 combobox
// with a listbox popup): type to search, arrows to move, Enter to add, Escape to close.
import { Search, X } from "lucide-react";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { AssetFlags } from "@/components/assets/badges";
import type { FormResult } from "@/lib/schemas/form-result";
import type { PickedAsset } from "./picked-asset";
import { ASSET_KIND_LABELS, CRITICALITY_LABELS } from "@/lib/domain/labels";

export type AssetSearch = (q: string) => Promise<FormResult<PickedAsset[]>>;

function AssetFacts({ a }: { a: PickedAsset }) {
  return (
    <span className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
      <span>
        {a.siteCode}
        {a.areaCode ? ` · ${a.areaCode}` : ""}
      </span>
      <span aria-hidden="true">·</span>
      <span>{ASSET_KIND_LABELS[a.kind]}</span>
      <span aria-hidden="true">·</span>
      <span>{CRITICALITY_LABELS[a.criticality]}</span>
      <AssetFlags safetyRelated={a.safetyRelated} gxp={a.gxp} />
    </span>
  );
}

export function AssetPicker({
  id,
  value,
  onChange,
  search,
  error,
}: {
  id: string;
  value: PickedAsset[];
  onChange: (next: PickedAsset[]) => void;
  search: AssetSearch;
  error?: string;
}) {
  const listId = useId();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<PickedAsset[]>([]);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const seq = useRef(0);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 1) {
      setItems([]);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const r = await search(term);
        if (mine !== seq.current) return;
        if (r.ok) {
          setItems(r.data);
          setMessage(null);
        } else {
          setItems([]);
          setMessage(r.message);
        }
        setActive(0);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [q, search]);

  const chosen = new Set(value.map((a) => a.id));
  const options = items.filter((a) => !chosen.has(a.id));
  const expanded = open && q.trim().length > 0;

  function add(a: PickedAsset) {
    onChange([...value, a]);
    setQ("");
    setOpen(false);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter") {
      // Never submit the surrounding form from the search box.
      e.preventDefault();
      const a = options[active];
      if (expanded && a) add(a);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Search the inventory
      </label>
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500"
          aria-hidden="true"
        />
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && options[active] ? `${listId}-${options[active].id}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          placeholder="Tag, name, vendor, model…"
          className="block h-8 w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2.5 pl-8 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600"
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching assets"
          hidden={!expanded}
          className="absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {options.map((a, i) => (
            <li
              key={a.id}
              id={`${listId}-${a.id}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                add(a);
              }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-50" : ""}`}
            >
              <span className="block text-sm font-medium text-slate-900">
                {a.tag} <span className="font-normal text-slate-700">{a.name}</span>
              </span>
              <AssetFacts a={a} />
            </li>
          ))}
          {options.length === 0 ? (
            <li
              role="option"
              aria-selected={false}
              aria-disabled="true"
              className="px-3 py-1.5 text-sm text-slate-600"
            >
              {pending ? "Searching…" : (message ?? "No matching assets")}
            </li>
          ) : null}
        </ul>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Assets at any site where you may request changes. Use the arrow keys and Enter to add.
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul
          aria-label="Affected assets"
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
        >
          {value.map((a) => (
            <li key={a.id} className="flex items-start justify-between gap-2 px-3 py-1.5">
              <span>
                <span className="block text-sm font-medium text-slate-900">
                  {a.tag} <span className="font-normal text-slate-700">{a.name}</span>
                </span>
                <AssetFacts a={a} />
              </span>
              <button
                type="button"
                onClick={() => onChange(value.filter((x) => x.id !== a.id))}
                className="rounded p-1 text-slate-600 hover:bg-slate-100"
                aria-label={`Remove ${a.tag}`}
              >
                <X className="size-4" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-600">No assets chosen yet.</p>
      )}
    </div>
  );
}

"use client";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";

/** A set of checkboxes editing one array field, with its legend, hint and error announced. */
export function CheckboxGroup<T extends FieldValues>({
  control,
  name,
  legend,
  hint,
  options,
  error,
}: {
  control: Control<T>;
  name: Path<T>;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const { field } = useController({ control, name });
  const chosen: string[] = Array.isArray(field.value) ? field.value : [];
  const id = `cg-${String(name)}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy || undefined}>
      <legend className="text-xs font-medium text-slate-700">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 grid gap-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-400"
              checked={chosen.includes(o.value)}
              onChange={(e) =>
                field.onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
              }
              onBlur={field.onBlur}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

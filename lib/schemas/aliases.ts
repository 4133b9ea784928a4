import { z } from "zod";

// v1 renamed a few request fields so that every body names a site `siteCode` and areas
// `areaCode`/`areaCodes`, as every response does. The old names (windows and production runs
// took `site`, `area`, `areas`) stay accepted for v1 as deprecated aliases: the document marks
// them `deprecated: true`, and the schema renames them before anything else reads the body.

/** Old name → new name. */
export type Aliases = Readonly<Record<string, string>>;

/** The alias as the document shows it: the new field's schema, optional and deprecated. */
export function deprecatedAlias<T extends z.ZodType>(schema: T, name: string) {
  return schema.optional().meta({
    deprecated: true,
    description: `Deprecated alias of \`${name}\`, accepted in its place in v1. Send \`${name}\`.`,
  });
}

/**
 * Reads a body under the new names: an alias becomes its new field when that is absent, and is
 * dropped when both carry the same value; both with different values are refused, naming both.
 */
export function acceptingAliases<T extends z.ZodObject>(aliases: Aliases, schema: T) {
  return z.preprocess((value, ctx) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    const body: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [old, name] of Object.entries(aliases)) {
      if (!(old in body)) continue;
      if (!(name in body)) body[name] = body[old];
      else if (JSON.stringify(body[name]) !== JSON.stringify(body[old])) {
        ctx.addIssue({
          code: "custom",
          path: [old],
          message: `Send ${name} only: ${old} is its deprecated alias, and the two differ.`,
        });
        continue;
      }
      delete body[old];
    }
    return body;
  }, schema);
}

/** The input of an aliased schema: the new fields, or their deprecated aliases in their place. */
export type AliasedInput<T, A extends Aliases> = Omit<T, A[keyof A]> & Partial<Pick<T, A[keyof A] & keyof T>>;

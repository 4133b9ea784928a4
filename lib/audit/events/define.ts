import { z } from "zod";

/**
 * One kind of audit event: the object it is about and the shape of its before/after payloads,
 * as stored (jsonb: instants are ISO strings). A side an event never records is `null`.
 */
export interface EventSpec<
  O extends string = string,
  B extends z.ZodType = z.ZodType,
  A extends z.ZodType = z.ZodType,
> {
  objectType: O;
  before: B;
  after: A;
}

/** `event("change", { after: … })`: the object type, and a schema for each side the event records. */
export function event<
  const O extends string,
  B extends z.ZodType = z.ZodNull,
  A extends z.ZodType = z.ZodNull,
>(objectType: O, payload: { before?: B; after?: A } = {}): EventSpec<O, B, A> {
  return {
    objectType,
    before: (payload.before ?? z.null()) as B,
    after: (payload.after ?? z.null()) as A,
  };
}

/** An instant as jsonb holds it (`Date` → ISO string); callers pass the string. */
export const instant = z.iso.datetime({ offset: true });
export const id = z.uuid();
/** Free text the trail keeps as written (titles, notes): bounded so one event cannot swallow the table. */
export const text = z.string().max(100_000);
/** What a field-level edit records of each side: only the fields that changed (lib/audit/append diffFields). */
export const changed = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape).partial();

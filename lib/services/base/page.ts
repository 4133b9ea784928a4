import { invalid, type ServiceError } from "./errors";

/** The one answer to a cursor that is malformed or belongs to another query or sort order. */
export function invalidCursor(): ServiceError {
  return invalid("The cursor is not valid; start again from the first page.", [
    { path: "cursor", message: "Invalid cursor" },
  ]);
}

/** Opaque keyset cursor: the sort key and id of the last row of the previous page. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(v) &&
      v.length === arity &&
      v.every((x) => x === null || ["string", "number"].includes(typeof x))
    )
      return v;
  } catch {
    // fall through
  }
  throw invalidCursor();
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

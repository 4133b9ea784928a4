// How services read what people type to find things: an id, or text anywhere in a field.

/** A UUID as the database writes them (any case). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The text with LIKE's wildcards and escape character taken literally. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching the text anywhere. */
export const containsPattern = (s: string): string => `%${likeEscape(s)}%`;

// Types of chain-core.mjs (plain JavaScript, so that verification workers can load it).

export interface HashedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  siteId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

export function canonicalJson(value: unknown): string;
export const GENESIS_HASH: string;
export function eventBody(e: HashedFields): string;
export function chainHash(prevHash: string, e: HashedFields): string;
/** new Date(text).toISOString() of a stored timestamptz text. */
export function storedIso(text: string): string;
/** eventBody of a stored tuple in CHAIN_COLUMNS order, its values as JSON.parse gave them. */
export function storedBody(t: readonly unknown[]): string;

/** Column names of the batch tuples, in order (listed once, in chain-core.mjs). */
export const CHAIN_COLUMNS: readonly string[];

/** The first problem inside a batch, by position; the batch's first link is the caller's to check. */
export interface BatchProblem {
  index: number;
  kind: "gap" | "link" | "hash";
  id: number;
}

export interface BatchCheck {
  count: number;
  firstId: number | null;
  firstPrev: string | null;
  lastHash: string | null;
  problem: BatchProblem | null;
  /** Stored hashes of the wanted events checked before the problem (if any). */
  hashes: Record<number, string>;
}

export function checkBatch(text: string, wanted: readonly number[]): BatchCheck;

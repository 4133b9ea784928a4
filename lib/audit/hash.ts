// The chain's hash: its code lives in chain-core.mjs (plain JavaScript, loaded by verification's
// worker threads as well); this is its face for TypeScript.
export { GENESIS_HASH, canonicalJson, chainHash, eventBody, type HashedFields } from "./chain-core.mjs";

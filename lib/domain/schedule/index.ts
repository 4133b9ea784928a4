// The scheduling rules: window expansion in site-local time, conflict detection, slot assistant.
export * from "./types";
export * from "./recurrence";
export { summarizeWindow } from "./summary";
export * from "./conflicts";
export * from "./assistant";

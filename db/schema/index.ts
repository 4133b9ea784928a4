export * from "./sites-assets";
export * from "./auth";
export * from "./audit";
export * from "./changes";
export * from "./signoffs";
export * from "./windows";
export * from "./advisories";
export * from "./gate-checks";

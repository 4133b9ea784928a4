// Pure change rules: no database, no framework, no clock.
export * from "./types";
export * from "./wording";
export * from "./risk";
export * from "./facts";
export * from "./policy";
export * from "./evaluation";
export * from "./content";
export * from "./state-machine";
export * from "./lifecycle";
export * from "./gate";
export {
  SIGNOFF_GRANT_ROLE,
  canSign,
  countedSignoffs,
  independentSignoffs,
  signoffMeaning,
  type CanSignResult,
  type CountedSignoffs,
  type SignRefusalCode,
} from "./signing";
export * from "./who-can-help";
export * from "./slots";
export * from "./follow-up";

import type { CreateChangeData, CreateChangeInput } from "@/lib/schemas/changes";
import type { FormResult } from "@/lib/schemas/form-result";
import type { PickedAsset } from "../picked-asset";

/** The form holds exactly the shared schema's input; planned times as UTC ISO strings. */
export type ChangeFormValues = CreateChangeInput;
export type ChangeFormOutput = CreateChangeData;

export type { ImplementerCandidate } from "@/lib/types/changes";

/** The change as the edit form loads it: values, assets and the version the edit is based on. */
export interface EditableChange {
  id: string;
  number: string;
  version: number;
  values: ChangeFormValues;
  assets: PickedAsset[];
}

export type SaveResult = FormResult<{ id: string; number: string; version: number }>;

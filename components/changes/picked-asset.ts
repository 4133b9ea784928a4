/** What the form knows about an affected asset: enough to show it and to compute risk and sign-offs live. */
export type { PickerAsset as PickedAsset } from "@/lib/types/changes";

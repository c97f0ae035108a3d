/** The user's corrections of recognition. */
import type { TableKind } from "./tableKinds";

/** This range holds a table of this kind (or, with kind "ignore", no table to check). */
export interface MappingOverride {
  sheet: string;
  /** A1 range, e.g. "A3:H40". */
  range: string;
  kind: TableKind | "ignore";
}

/**
 * One cell of the snapshot from what a file stores: its value (for a formula, the cached result), its
 * formula and its number format. Shared by the .xlsx reader and the legacy (.xls/.et) reader, so that both
 * give the same shown text and the same dates.
 */
import { formatNumber } from "../../grid/numfmt";
import type { Cell, RawValue } from "../../grid/workbook";

/** A serial date of the workbook's date system as a Date (UTC, as the snapshot holds dates). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The snapshot's cell, or null for a blank one (no value and no formula). */
export function makeCell(value: RawValue, formula: string | undefined, numFmt: string | undefined): Cell | null {
  if (value === null && formula === undefined) return null;
  let text: string;
  if (value === null) text = "";
  else if (typeof value === "number") text = formatNumber(value, numFmt);
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else if (value instanceof Date) text = dateText(value);
  else if (typeof value === "string") text = value;
  else text = value.error;
  // (made whole in one literal: a million cells given their properties one by one change shape twice each)
  const cell: Cell = numFmt && numFmt !== "General" ? { value, text, numFmt } : { value, text };
  if (formula) cell.formula = formula.replace(/^=/, "");
  if (formula !== undefined && value === null) cell.uncalculated = true;
  return cell;
}

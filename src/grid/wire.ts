/** A WorkbookSnapshot as JSON and back (the harness server sends workbooks to the page this way). */
import type { WorkbookSnapshot } from "./workbook";

export function snapshotToJson(wb: WorkbookSnapshot): string {
  return JSON.stringify(wb, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function snapshotFromJson(text: string): WorkbookSnapshot {
  return JSON.parse(text, (_key, value) =>
    value && typeof value === "object" && typeof value.$date === "string" && Object.keys(value).length === 1 ? new Date(value.$date) : value,
  );
}

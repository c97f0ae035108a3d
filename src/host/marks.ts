/** How findings mark cells, in every host and in annotated copies: one mark per cell, coloured by the worst level. */
import { LEVEL_ORDER, type Finding, type FindingLevel } from "../rules/types";
import type { HighlightMark } from "./types";

/** Fill colours of the marks, as #RRGGBB: error light red, warning amber, info (尾差) light blue. Every host and the annotated copies use them. */
export const MARK_COLORS: Record<FindingLevel, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/**
 * The suspect's fill: the cell that the failing equations point at (an error's suspect) is painted a
 * stronger red than the other cells of its equations, so that the cell to correct stands out.
 */
export const SUSPECT_COLOR = "#FF8F8F";

/** A mark's fill: the suspect colour for a suspect cell, else its level's colour. */
export function markColor(m: { level: FindingLevel; suspect?: boolean }): string {
  return m.suspect ? SUSPECT_COLOR : MARK_COLORS[m.level];
}

function cellKeyOf(c: { sheet: string; address: string }): string {
  return `${c.sheet}\u0000${c.address}`;
}

/** One mark per cell: the worst level of the findings on it, with all their messages (as `line` writes them); an error's suspect cell is marked as such. */
export function marksOf(findings: Finding[], line: (f: Finding) => string = (f) => f.message): HighlightMark[] {
  const byCell = new Map<string, HighlightMark>();
  // (an error about one cell alone has nothing to set its suspect apart from)
  const suspects = new Set(findings.flatMap((f) => (f.level === "error" && f.suspect && f.cells.length > 1 ? [cellKeyOf(f.suspect)] : [])));
  for (const f of findings) {
    for (const c of f.cells) {
      const key = cellKeyOf(c);
      const mark = byCell.get(key);
      if (!mark) {
        byCell.set(key, { sheet: c.sheet, address: c.address, level: f.level, messages: [line(f)], ...(suspects.has(key) ? { suspect: true } : {}) });
        continue;
      }
      if (LEVEL_ORDER[f.level] < LEVEL_ORDER[mark.level]) mark.level = f.level;
      const text = line(f);
      if (!mark.messages.includes(text)) mark.messages.push(text);
    }
  }
  return [...byCell.values()];
}

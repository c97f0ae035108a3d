/** How findings mark cells, in every host and in annotated copies: one mark per cell, coloured by the worst level. */
import { LEVEL_ORDER, type Finding, type FindingLevel } from "../rules/types";
import type { HighlightMark } from "./types";

/** Fill colours of the marks, as #RRGGBB: error light red, warning amber, info (尾差) light blue. Every host and the annotated copies use them. */
export const MARK_COLORS: Record<FindingLevel, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** One mark per cell: the worst level of the findings on it, with all their messages (as `line` writes them). */
export function marksOf(findings: Finding[], line: (f: Finding) => string = (f) => f.message): HighlightMark[] {
  const byCell = new Map<string, HighlightMark>();
  for (const f of findings) {
    for (const c of f.cells) {
      const key = `${c.sheet}\u0000${c.address}`;
      const mark = byCell.get(key);
      if (!mark) {
        byCell.set(key, { sheet: c.sheet, address: c.address, level: f.level, messages: [line(f)] });
        continue;
      }
      if (LEVEL_ORDER[f.level] < LEVEL_ORDER[mark.level]) mark.level = f.level;
      const text = line(f);
      if (!mark.messages.includes(text)) mark.messages.push(text);
    }
  }
  return [...byCell.values()];
}

/**
 * Fixes of a 情况说明 paragraph that the check is certain of, as cell edits: the officer's cell text with
 * a few characters replaced. The check finds what to replace in the paragraph as read (normalized:
 * full-width forms half-width, trimmed); the edit replaces the same characters of the cell's own text,
 * which keeps everything else as she wrote it (full-width commas, spaces). Only a paragraph read from a
 * workbook cell she typed (NarrativeParagraph.cellText) gets a fix: not a .docx, not a formula's result.
 */
import type { CellFix } from "../grid/edit";
import type { ReadParagraph } from "./read";

/** Characters from..to of the paragraph as read, to be replaced by `text`. */
export interface Replacement {
  from: number;
  to: number;
  text: string;
}

/**
 * A correction of one paragraph: its replacements (in order, apart), and the stretch of the paragraph
 * the label quotes (holding every replacement). `say`: "to" labels 改为“<the stretch corrected>”,
 * "fromTo" 把“<the stretch>”改为“<the stretch corrected>”.
 */
export interface TextFix {
  replace: Replacement[];
  quote: { from: number; to: number };
  say: "to" | "fromTo";
}

/** One character of the cell's text as the reader normalizes it (normalizeText, without the trim). */
function normalizedChar(ch: string): string {
  return ch.normalize("NFKC").replace(/\u00a0|\u3000/g, " ");
}

/**
 * Where each offset of the paragraph as read falls in the cell's text (undefined where it falls inside a
 * character that normalizing changed), or undefined when the text read is not the cell's normalized
 * character by character (a sequence NFKC composes): then no fix is offered.
 */
function cellOffsets(cellText: string, read: string): ((offset: number) => number | undefined) | undefined {
  const trimmed = cellText.trim();
  if (trimmed === read) {
    const lead = cellText.length - cellText.trimStart().length;
    return (x) => x + lead;
  }
  let full = "";
  const at = new Map<number, number>();
  let i = 0;
  for (const ch of cellText) {
    at.set(full.length, i);
    full += normalizedChar(ch);
    i += ch.length;
  }
  at.set(full.length, i);
  if (full.trim() !== read) return undefined;
  const lead = full.length - full.trimStart().length;
  return (x) => at.get(x + lead);
}

/** The fix as an edit of the paragraph's cell, with its label; undefined when the paragraph is no typed cell or the offsets do not map. */
export function cellFixOf(p: ReadParagraph, fix: TextFix): CellFix | undefined {
  const cellText = p.cellText;
  if (cellText === undefined) return undefined;
  const map = cellOffsets(cellText, p.text);
  if (!map) return undefined;
  const spans: { from: number; to: number; text: string }[] = [];
  for (const r of fix.replace) {
    const from = map(r.from);
    const to = map(r.to);
    if (from === undefined || to === undefined) return undefined;
    spans.push({ from, to, text: r.text });
  }
  const qFrom = map(fix.quote.from);
  const qTo = map(fix.quote.to);
  if (qFrom === undefined || qTo === undefined) return undefined;
  // the text with the spans replaced, and where the quoted stretch ends in it
  let after = "";
  let last = 0;
  let shift = 0;
  for (const s of spans) {
    after += cellText.slice(last, s.from) + s.text;
    last = s.to;
    if (s.to <= qTo) shift += s.text.length - (s.to - s.from);
  }
  after += cellText.slice(last);
  if (after === cellText) return undefined;
  const corrected = after.slice(qFrom, qTo + shift);
  const label = fix.say === "to" ? `改为“${corrected}”` : `把“${cellText.slice(qFrom, qTo)}”改为“${corrected}”`;
  return { label, edits: [{ sheet: p.cell.sheet, address: p.cell.address, before: cellText, after }] };
}

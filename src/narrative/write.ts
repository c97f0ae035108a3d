/** The generated 情况说明 as lines: headings and paragraphs, as files and the 情况说明 sheet print them. */
import type { NarrativeSection } from "./generate";

const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A section's heading as printed: 一、收入说明. */
export function sectionHeading(index: number, title: string): string {
  return `${CHINESE_NUMBERS[index] ?? index + 1}、${title}`;
}

/** Headings and paragraphs in order; notes (what could not be written) as bracketed lines. */
export function narrativeLines(sections: NarrativeSection[]): { heading: boolean; text: string }[] {
  const out: { heading: boolean; text: string }[] = [];
  sections.forEach((s, i) => {
    out.push({ heading: true, text: sectionHeading(i, s.title) });
    for (const p of s.paragraphs) out.push({ heading: false, text: p });
    for (const n of s.notes) out.push({ heading: false, text: `【说明：${n}】` });
  });
  return out;
}

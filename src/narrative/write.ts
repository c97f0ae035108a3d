/** The generated 情况说明 as lines: headings and paragraphs, as files and the 情况说明 sheet print them. */
import type { NarrativeSection } from "./section";

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 11 → 十一, 23 → 二十三 (headings never reach 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** A section's heading as printed: 一、收入说明. */
export function sectionHeading(index: number, title: string): string {
  return `${chineseNumber(index + 1)}、${title}`;
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

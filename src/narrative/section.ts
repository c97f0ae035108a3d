/** A generated 情况说明 as its writers give it: sections of paragraphs, notes for the officer, and the slots left for her. */

/** The slot left for the officer where a reason is needed. */
export const REASON_SLOT = "【请填写增减原因】";
export const USE_SLOT = "【请填写主要用途】";

/** A slot the generator left, in the order the slots stand in the section's paragraphs. */
export interface SlotItem {
  /** The item the slot belongs to: "基本支出", "公务接待", "机关运行经费", a 类 name … */
  item: string;
  kind: "reason" | "use";
}

export type SectionId =
  "overall" | "income" | "expense" | "fiscal" | "gpb" | "basic" | "fund" | "soe" | "change" | "operating" | "threePublic" | "procurement" | "assets";

export interface NarrativeSection {
  id: SectionId;
  title: string;
  paragraphs: string[];
  /** What could not be written and why (missing prior-year figures, figures the tables do not give …). */
  notes: string[];
  /** The slots (【请填写增减原因】, 【请填写主要用途】) in the paragraphs, in reading order, with their items. */
  slots?: SlotItem[];
}

/**
 * The officer's words in the slots of a generated 情况说明 (【请填写增减原因】, 【请填写主要用途】), kept when the
 * text is generated again. Each slot has a key that does not depend on the amounts: the section id and
 * the item the slot belongs to ("change/基本支出", "threePublic/公务接待"). recoverReasons finds, in a
 * previously generated and edited text, what the officer wrote in place of each slot of a fresh
 * generation — by the words around the slot, with every number allowed to have changed — and
 * applyReasons puts it back.
 */
import { REASON_SLOT, USE_SLOT, type NarrativeSection } from "./section";

export interface ReasonSlot {
  /** Stable across regenerations: section id + "/" + item ("change/基本支出"). */
  key: string;
  sectionId: string;
  item: string;
  kind: "reason" | "use";
  /** Index of the paragraph in the section. */
  paragraph: number;
  placeholder: string;
}

const SLOT = new RegExp(`${REASON_SLOT}|${USE_SLOT}`, "g");

function keyOf(sectionId: string, item: string): string {
  return `${sectionId}/${item}`;
}

/** Every slot of the sections, in reading order. */
export function listSlots(sections: NarrativeSection[]): ReasonSlot[] {
  const out: ReasonSlot[] = [];
  for (const s of sections) {
    let i = 0;
    s.paragraphs.forEach((p, paragraph) => {
      for (const m of p.matchAll(SLOT)) {
        const slot = s.slots?.[i++];
        if (!slot) continue;
        out.push({ key: keyOf(s.id, slot.item), sectionId: s.id, item: slot.item, kind: slot.kind, paragraph, placeholder: m[0] });
      }
    });
  }
  return out;
}

/** The sections with every slot whose key has a non-empty reason filled in; the other slots stay. */
export function applyReasons(sections: NarrativeSection[], reasons: Record<string, string>): NarrativeSection[] {
  return sections.map((s) => {
    if (!s.slots?.length) return s;
    let i = 0;
    const kept: NonNullable<NarrativeSection["slots"]> = [];
    const paragraphs = s.paragraphs.map((p) =>
      p.replace(SLOT, (placeholder) => {
        const slot = s.slots?.[i++];
        if (!slot) return placeholder;
        const reason = reasons[keyOf(s.id, slot.item)]?.trim();
        if (reason) return reason;
        kept.push(slot);
        return placeholder;
      }),
    );
    return { ...s, paragraphs, slots: kept };
  });
}

/** Text as compared: no spaces, full-width punctuation (a comma between digits stays a thousands separator), “” quotes. */
function normalize(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, "")
    .replace(/"([^"]*)"/g, "“$1”")
    .replace(/,(?!\d{3}(?!\d))/g, "，")
    .replace(/;/g, "；")
    .replace(/:/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/** The rate said after an amount of change ("增加0.50万元，增长71.43%"): there only when last year's figure is not 0. */
const RATE_CLAUSE = /，(?:增长|下降)\d[\d,.]*%/g;
const ANY_RATE = "(?:，(?:增长|下降|增加|减少)[\\d,.]+%)?";

/**
 * A literal of the generated text as a pattern in which every number, and the direction of a change, may
 * differ, and the rate of a change may be there or not (a change from 0 has none).
 */
function loose(literal: string): string {
  const text = literal.replace(RATE_CLAUSE, "");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    out += escape(text.slice(last, m.index));
    out += "[\\d,.]+";
    last = m.index! + m[0].length;
  }
  out += escape(text.slice(last));
  return out
    .replace(/增加|减少/g, "(?:增加|减少)")
    .replace(/增长|下降/g, "(?:增长|下降)")
    .replace(/万元/g, `万元${ANY_RATE}`);
}

/** The words after a slot that identify it: up to the next number (or the end of the paragraph). */
function rightContext(after: string, last: boolean): string {
  const m = /\d/.exec(after);
  if (!m) return `${loose(after)}${last ? "$" : ""}`;
  return loose(after.slice(0, m.index));
}

/** The words before a slot from the start of its clause (after the last 。；： before it). */
function clauseBefore(before: string): string {
  const body = before.replace(/[：]+$/, "");
  const cut = Math.max(body.lastIndexOf("。"), body.lastIndexOf("；"), body.lastIndexOf("："));
  return before.slice(cut + 1);
}

function usable(found: string | undefined): string | undefined {
  const t = found?.trim();
  if (!t || /【请填写/.test(t)) return undefined;
  return t;
}

/**
 * What the officer wrote in place of each slot of `fresh`, found in the paragraphs of a previous text by
 * section and item: first by the whole paragraph up to the slot (numbers may differ), then by the
 * clause around the slot alone (the officer may have edited other sentences). Slots left unfilled there
 * give nothing.
 */
export function recoverReasons(previousText: readonly string[], fresh: NarrativeSection[]): Record<string, string> {
  const previous = previousText.map(normalize).filter((p) => p !== "");
  const out: Record<string, string> = {};
  for (const s of fresh) {
    let i = 0;
    s.paragraphs.forEach((p) => {
      const text = normalize(p);
      const segments = text.split(SLOT);
      for (let j = 0; j < segments.length - 1; j++) {
        const slot = s.slots?.[i++];
        if (!slot) continue;
        const key = keyOf(s.id, slot.item);
        if (out[key]) continue;
        const right = rightContext(segments[j + 1], j + 1 === segments.length - 1);
        const whole = new RegExp(
          `^${segments
            .slice(0, j + 1)
            .map(loose)
            .join("(?:.+?)")}[：]?(.+?)${right}`,
        );
        const clause = new RegExp(`(?:^|[。；：])${loose(clauseBefore(segments[j]))}[：]?(.+?)${right}`);
        let found: string | undefined;
        for (const re of [whole, clause]) {
          for (const q of previous) {
            found = usable(re.exec(q)?.[1]);
            if (found) break;
          }
          if (found) break;
        }
        if (found) out[key] = found;
      }
    });
  }
  return out;
}

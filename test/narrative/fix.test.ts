/** narrative/fix.ts: a correction found in the paragraph as read, made in the officer's own cell text. */
import { normalizeText } from "../../src/model/amount";
import { cellFixOf, type TextFix } from "../../src/narrative/fix";
import type { ReadParagraph } from "../../src/narrative/read";

function paragraph(cellText: string | undefined, text = normalizeText(cellText ?? "")): ReadParagraph {
  return {
    index: 0,
    text,
    cell: { sheet: "情况说明", address: "A3", row: 2, col: 0 },
    statements: [],
    continues: false,
    ...(cellText !== undefined ? { cellText } : {}),
  };
}

/** The characters of `what` in the paragraph as read, replaced by `text`. */
function replacing(p: ReadParagraph, what: string, text: string, say: TextFix["say"] = "fromTo"): TextFix {
  const from = p.text.indexOf(what);
  return { replace: [{ from, to: from + what.length, text }], quote: { from, to: from + what.length }, say };
}

describe("cellFixOf", () => {
  it("replaces the characters read in the cell's own text, keeping its full-width punctuation and leading spaces", () => {
    const p = paragraph("  与上年相比，增加０．００万元，原因是……");
    expect(p.text).toBe("与上年相比,增加0.00万元,原因是......");
    expect(cellFixOf(p, replacing(p, "增加0.00万元", "持平"))).toEqual({
      label: "把“增加０．００万元”改为“持平”",
      edits: [{ sheet: "情况说明", address: "A3", before: "  与上年相比，增加０．００万元，原因是……", after: "  与上年相比，持平，原因是……" }],
    });
  });

  it("labels 改为 the corrected stretch, and several replacements in one edit", () => {
    const p = paragraph("较2023年比上年增加0.00万元。");
    const bi = p.text.indexOf("比");
    const word = p.text.indexOf("增加");
    const fix: TextFix = {
      replace: [
        { from: bi, to: bi + 1, text: "与" },
        { from: word, to: word + "增加0.00万元".length, text: "持平" },
      ],
      quote: { from: bi, to: word + "增加0.00万元".length },
      say: "to",
    };
    expect(cellFixOf(p, fix)).toEqual({
      label: "改为“与上年持平”",
      edits: [{ sheet: "情况说明", address: "A3", before: "较2023年比上年增加0.00万元。", after: "较2023年与上年持平。" }],
    });
  });

  it("offers nothing for a paragraph of a file (no cell text), a text whose reading is not its characters one by one, or no change", () => {
    const file = paragraph(undefined, "增加0.00万元");
    expect(cellFixOf(file, replacing(file, "增加0.00万元", "持平"))).toBeUndefined();
    // a decomposed character (e + combining acute) that NFKC composes into one, read with a full-width comma
    const composed = paragraph("cafe\u0301，增加0.00万元");
    expect(composed.text).toBe("caf\u00e9,增加0.00万元");
    expect(cellFixOf(composed, replacing(composed, "增加0.00万元", "持平"))).toBeUndefined();
    const same = paragraph("持平");
    expect(cellFixOf(same, replacing(same, "持平", "持平"))).toBeUndefined();
  });
});

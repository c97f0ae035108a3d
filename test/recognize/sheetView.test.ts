/** SheetView: merged areas by row (a short list, or a map by column for rows meeting many), texts by row. */
import type { Cell, SheetSnapshot } from "../../src/grid/workbook";
import type { RangeRef } from "../../src/grid/address";
import * as fc from "fast-check";
import { SheetView } from "../../src/recognize/sheetView";

function sheet(rows: (string | null)[][], merges: RangeRef[], top = 0, left = 0): SheetSnapshot {
  const cells: (Cell | null)[][] = rows.map((r) => r.map((v) => (v === null ? null : { value: v, text: v })));
  return { name: "表", top, left, cells, merges, hiddenRows: [], hiddenCols: [] };
}

describe("SheetView", () => {
  it("finds the merged area over a cell in a row meeting few areas", () => {
    const a = { top: 0, left: 0, bottom: 1, right: 1 };
    const b = { top: 1, left: 3, bottom: 1, right: 4 };
    const v = new SheetView(
      sheet(
        [
          ["项目", null, "合计", "预算数", null],
          [null, null, "1.00", "2.00", null],
        ],
        [a, b],
      ),
    );
    expect(v.merge(1, 1)).toBe(a);
    expect(v.merge(1, 4)).toBe(b);
    expect(v.merge(1, 2)).toBeUndefined();
    expect(v.merge(2, 0)).toBeUndefined();
    expect(v.isCovered(1, 0)).toBe(true);
    expect(v.isCovered(0, 0)).toBe(false);
    expect(v.shownText(1, 4)).toBe("2.00"); // the master (1, 3)
    expect(v.rowTexts(1)).toEqual([
      { col: 2, text: "1.00" },
      { col: 3, text: "2.00" },
    ]);
  });

  it("finds it the same way in a row meeting more than eight areas, the last listed winning where they overlap", () => {
    const areas: RangeRef[] = Array.from({ length: 12 }, (_, i) => ({ top: 0, left: 2 * i, bottom: 0, right: 2 * i + 1 }));
    const overlap = { top: 0, left: 5, bottom: 0, right: 6 };
    const row = Array.from({ length: 24 }, (_, c) => (c % 2 === 0 ? `第${c / 2 + 1}栏` : null));
    const v = new SheetView(sheet([row], [...areas, overlap]));
    expect(v.merge(0, 1)).toBe(areas[0]);
    expect(v.merge(0, 23)).toBe(areas[11]);
    expect(v.merge(0, 6)).toBe(overlap);
    expect(v.merge(0, 24)).toBeUndefined();
    expect(v.shownText(0, 3)).toBe("第2栏");
    expect(v.rowTexts(0).map((t) => t.col)).toEqual([0, 2, 4, 8, 10, 12, 14, 16, 18, 20, 22]);
  });

  it("normalizes full-width forms and keeps the CJK punctuation NFKC keeps, in rows of a sheet not starting at A1", () => {
    const v = new SheetView(sheet([["一、收入（万元）：", "“三公”经费、《说明》", "  ", "１２３．４５"]], [], 4, 2));
    expect(v.rowTexts(4)).toEqual([
      { col: 2, text: "一、收入(万元):" },
      { col: 3, text: "“三公”经费、《说明》" },
      { col: 5, text: "123.45" },
    ]);
    expect(v.text(4, 4)).toBe("");
    expect(v.rowTexts(4, 3, 4)).toEqual([{ col: 3, text: "“三公”经费、《说明》" }]);
    expect(v.rowTexts(3)).toEqual([]);
    expect(v.rowTexts(9)).toEqual([]);
    expect(v.isBlankRow(9)).toBe(true);
    expect(v.isBlankRow(4, 4, 4)).toBe(true); // the blank text "  "
    expect(v.isBlankRow(4, 5, 9)).toBe(false);
  });

  it("counts and reads a row's texts without a list, as rowTexts gives them", () => {
    const a = { top: 3, left: 1, bottom: 4, right: 1 }; // B4:B5 in a sheet whose cells start at B3
    const v = new SheetView(sheet([["标题", null, null], ["项目", "合计", " "], ["覆盖", "1.00", "2.00"], []], [a], 2, 1));
    for (let r = 0; r < 8; r++) {
      const texts = v.rowTexts(r);
      expect(v.textCount(r)).toBe(texts.length);
      for (let k = 0; k <= texts.length; k++) {
        expect(v.textAt(r, k)).toBe(texts[k]?.text);
        expect(v.textColAt(r, k)).toBe(texts[k]?.col);
      }
    }
    expect(v.rowTexts(3)).toEqual([
      { col: 1, text: "项目" },
      { col: 2, text: "合计" },
    ]);
    expect(v.rowTexts(4)).toEqual([
      { col: 2, text: "1.00" },
      { col: 3, text: "2.00" },
    ]); // B5 is covered by B4's merge
    expect([v.textCount(5), v.textCount(1), v.textAt(1, 0)]).toEqual([0, 0, undefined]);
  });

  it("finds, for every cell, the last listed area over it, whatever the areas (outside the used range, overlapping, many in a row, invalid)", () => {
    // the reference: a scan of the sheet's whole list, skipping what Excel cannot make and absurd areas
    const reference = (merges: RangeRef[], row: number, col: number): RangeRef | undefined => {
      let found: RangeRef | undefined;
      for (const m of merges) {
        if (m.top < 0 || m.left < 0 || m.bottom < m.top || m.right < m.left) continue;
        if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue;
        if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) found = m;
      }
      return found;
    };
    const area = fc
      .record({
        top: fc.integer({ min: -1, max: 14 }),
        left: fc.integer({ min: -1, max: 14 }),
        height: fc.integer({ min: -1, max: 4 }),
        width: fc.integer({ min: -1, max: 4 }),
      })
      .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));
    const absurd = fc.constant({ top: 2, left: 0, bottom: 20001, right: 1 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 20, arbitrary: area }, { weight: 1, arbitrary: absurd }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (merges, top, left) => {
          const rows = Array.from({ length: 5 }, () => Array.from({ length: 6 }, () => "1"));
          const v = new SheetView(sheet(rows, merges, top, left));
          // (the areas found, as their places in the list: the same object, not an equal one)
          const got: number[] = [];
          const want: number[] = [];
          for (let r = -1; r <= 20; r++) {
            for (let c = -1; c <= 20; c++) {
              got.push(merges.indexOf(v.merge(r, c)!));
              want.push(merges.indexOf(reference(merges, r, c)!));
            }
          }
          expect(got).toEqual(want);
        },
      ),
      { seed: 20261124, numRuns: 300 },
    );
  });
});

/**
 * One 尾差 repeated across tables is one finding: info findings of equations with the same unit, the same
 * figures on the two sides and the same difference merge into the first; nothing else ever does.
 */
import * as path from "path";
import { findingKey } from "../../src/addin/check";
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { gapKey, mergeRepeatedGaps } from "../../src/rules/repeatedGaps";
import type { Finding, FindingLevel } from "../../src/rules/types";
import { FIXTURES } from "../helpers";

/** A finding of an equation total = parts as the runner makes it: left cell, right cells, figures in 万元. */
function gap(sheet: string, total: string, parts: string[], figures: { left: string; right: string; diff: string }, level: FindingLevel = "info"): Finding {
  return {
    ruleId: "R4-functional-hierarchy",
    level,
    messageId: "childrenSum",
    message: `「${sheet}」${total} ${figures.left} 应等于其下各项之和 ${figures.right}，相差 ${figures.diff}万元。`,
    cells: [{ sheet, address: total, side: "left" }, ...parts.map((address) => ({ sheet, address, side: "right" as const }))],
    suspect: null,
    expected: figures.right,
    actual: figures.left,
    difference: figures.diff,
    tolerance: "0.02",
    unit: "万元",
    sheet,
  };
}

const SAME = { left: "115.18", right: "115.17", diff: "0.01" };
const cellsOf = (f: Finding) => f.cells.map((c) => `${c.sheet}!${c.address}:${c.side}`);

describe("mergeRepeatedGaps", () => {
  it("merges two repeated 尾差 into the first: its place in the list, the union of the cells with their sides, where it is seen", () => {
    const error = gap("03支出总表", "D20", ["D21"], { left: "9.00", right: "8.00", diff: "1.00" }, "error");
    const a = gap("03支出总表", "D8", ["D9", "D10", "D11"], SAME);
    const b = { ...gap("05一般公共预算支出表", "D8", ["D9", "D10", "D11"], SAME), ruleId: "R3-expense-row", messageId: "rowTotal" };
    const merged = mergeRepeatedGaps([error, a, b], ["02收入总表", "03支出总表", "05一般公共预算支出表"]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toBe(error);
    const m = merged[1];
    expect(m).toMatchObject({
      ruleId: "R4-functional-hierarchy",
      messageId: "childrenSum",
      level: "info",
      expected: "115.17",
      actual: "115.18",
      difference: "0.01",
    });
    expect(cellsOf(m)).toEqual([
      "03支出总表!D8:left",
      "03支出总表!D9:right",
      "03支出总表!D10:right",
      "03支出总表!D11:right",
      "05一般公共预算支出表!D8:left",
      "05一般公共预算支出表!D9:right",
      "05一般公共预算支出表!D10:right",
      "05一般公共预算支出表!D11:right",
    ]);
    expect(m.message).toBe("「03支出总表」D8 115.18 应等于其下各项之和 115.17，相差 0.01万元。同一尾差出现在 2 处：03支出总表 D8，05一般公共预算支出表 D8。");
    // the inputs are left as they were
    expect(a.cells).toHaveLength(4);
  });

  it("lists the places sheet by sheet in the workbook's order, cells by row and column, each place once", () => {
    const found = [
      gap("05一般公共预算支出表", "E8", ["E9"], SAME),
      gap("02收入总表", "F8", ["F9"], SAME),
      gap("02收入总表", "D8", ["D9"], SAME),
      gap("05一般公共预算支出表", "E8", ["E10"], SAME),
    ];
    const [m] = mergeRepeatedGaps(found, ["02收入总表", "05一般公共预算支出表"]);
    expect(m.message).toMatch(/同一尾差出现在 3 处：02收入总表 D8、F8，05一般公共预算支出表 E8。$/);
    expect(cellsOf(m)).toEqual([
      "05一般公共预算支出表!E8:left",
      "05一般公共预算支出表!E9:right",
      "02收入总表!F8:left",
      "02收入总表!F9:right",
      "02收入总表!D8:left",
      "02收入总表!D9:right",
      "05一般公共预算支出表!E10:right",
    ]);
  });

  it("names the first ten places of a 尾差 seen in more, and counts them all", () => {
    const found = Array.from({ length: 12 }, (_, i) => gap(i < 6 ? "03支出总表" : "02收入总表", `D${20 - i}`, [`E${20 - i}`], SAME));
    const [m] = mergeRepeatedGaps(found, ["02收入总表", "03支出总表"]);
    expect(m.message).toMatch(/。同一尾差出现在 12 处，如：02收入总表 D9、D10、D11、D12、D13、D14，03支出总表 D15、D16、D17、D18等。$/);
    expect(m.cells).toHaveLength(24);
  });

  it("says so when the same cell's 尾差 comes from two equations", () => {
    const [m] = mergeRepeatedGaps([gap("06基本支出表", "D6", ["E6", "F6"], SAME), gap("06基本支出表", "D6", ["D7", "D18"], SAME)]);
    expect(m.message).toMatch(/。同一尾差在该单元格所在的 2 个等式中都出现。$/);
    expect(cellsOf(m)).toEqual(["06基本支出表!D6:left", "06基本支出表!E6:right", "06基本支出表!F6:right", "06基本支出表!D7:right", "06基本支出表!D18:right"]);
  });

  it("does not merge different gaps: another difference, other figures, sides the other way round, another unit", () => {
    const found = [
      gap("02收入总表", "D8", ["D9"], SAME),
      gap("03支出总表", "D8", ["D9"], { left: "115.18", right: "115.16", diff: "0.02" }),
      gap("03支出总表", "D12", ["D13"], { left: "8901.79", right: "8901.78", diff: "0.01" }),
      gap("05一般公共预算支出表", "D8", ["D9"], { left: "115.17", right: "115.18", diff: "-0.01" }),
      { ...gap("06基本支出表", "D8", ["D9"], SAME), unit: "元" },
    ];
    expect(mergeRepeatedGaps(found)).toEqual(found);
  });

  it("never merges errors or 提示, nor a 尾差 that is not an equation's (a rate, a line's 数量 × 单价)", () => {
    const errors = [gap("02收入总表", "D8", ["D9"], SAME, "error"), gap("03支出总表", "D8", ["D9"], SAME, "error")];
    const warnings = [gap("02收入总表", "D8", ["D9"], SAME, "warning"), gap("03支出总表", "D8", ["D9"], SAME, "warning")];
    const notEquations = [
      { ...gap("02收入总表", "D8", ["D9"], SAME), unit: undefined },
      { ...gap("03支出总表", "D8", ["D9"], SAME), unit: undefined },
    ];
    const rates = [
      { ...gap("自评", "L7", ["J7", "I7"], SAME), difference: undefined },
      { ...gap("自评", "L8", ["J8", "I8"], SAME), difference: undefined },
    ];
    for (const list of [errors, warnings, notEquations, rates]) {
      expect(mergeRepeatedGaps(list)).toEqual(list);
      expect(list.map(gapKey)).toEqual([undefined, undefined]);
    }
    // a 尾差 and an error of the same figures: the 尾差 stays alone
    const mixed = [gap("02收入总表", "D8", ["D9"], SAME), gap("03支出总表", "D8", ["D9"], SAME, "error")];
    expect(mergeRepeatedGaps(mixed)).toEqual(mixed);
  });
});

describe("a merged 尾差 in a check", () => {
  it("keeps its identity (rule, message, cells) from one check of the workbook to the next", async () => {
    const file = path.join(FIXTURES, "seed004.xlsx");
    const keys = async () => checkWorkbook(await readWorkbookFile(file)).findings.map(findingKey);
    const first = await keys();
    expect(await keys()).toEqual(first);
    const r = checkWorkbook(await readWorkbookFile(file));
    const total = r.findings.find((f) => f.ruleId === "R1-summary-balance" && f.level === "info")!;
    expect(findingKey(total)).toBe(`R1-summary-balance|sum|${total.cells.map((c) => `${c.sheet}!${c.address}`).join(",")}`);
    expect(total.cells[0]).toEqual({ sheet: "公开01收入支出决算总表", address: "F33", side: "left" });
    expect(total.cells).toHaveLength(97);
  });
});

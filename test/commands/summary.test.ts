import { checkSummary, clearSummary } from "../../src/commands/summary";

describe("ribbon command summaries", () => {
  it("count the findings by level and the marked cells, Chinese first", () => {
    expect(checkSummary({ counts: { error: 2, warning: 1, info: 0 }, marked: 4 })).toBe("检查完成：错误 2 处，提示 1 处，尾差 0 处；已标记 4 个单元格。");
    expect(checkSummary({ counts: { error: 0, warning: 0, info: 0 }, marked: 0 })).toBe("检查完成：未发现问题。");
    expect(checkSummary({ counts: { error: 1, warning: 0, info: 0 }, marked: 1 }, "en")).toMatch(/^Check finished: 1 error/);
    expect(clearSummary(7)).toBe("已清除标记：恢复了 7 个单元格的原填充。");
  });
});

import { strings } from "../../src/addin/i18n";

describe("the add-in's words", () => {
  it("the ribbon's check result counts the findings by level and the marked cells, Chinese first", () => {
    const zh = strings("zh");
    expect(zh.checkDone({ error: 2, warning: 1, info: 0 }, 4)).toBe("检查完成：错误 2 处，提示 1 处，尾差 0 处；已标记 4 个单元格。");
    expect(zh.checkDone({ error: 0, warning: 0, info: 0 }, 0)).toBe("检查完成：未发现问题。");
    expect(strings("en").checkDone({ error: 1, warning: 0, info: 0 }, 1)).toBe(
      "Check finished: 1 error(s), 0 warning(s), 0 rounding difference(s); 1 cell(s) marked.",
    );
    expect(zh.cleared(7)).toBe("已恢复 7 个单元格原来的填充。");
    expect(zh.cleared(0)).toBe("工作簿中没有本加载项的标记。");
  });

  it("every English string exists where a Chinese one does", () => {
    expect(Object.keys(strings("en")).sort()).toEqual(Object.keys(strings("zh")).sort());
  });
});

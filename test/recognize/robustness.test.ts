/** The recognizer never throws on odd input, and says why it could not place a sheet. */
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/workbook";
import { recognize } from "../../src/recognize/recognize";

function sheet(name: string, rows: (string | number | null)[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const cells: (Cell | null)[][] = rows.map((r) => r.map((v) => (v === null ? null : { value: v, text: String(v) })));
  return { name, top: 0, left: 0, cells, merges: [], hiddenRows: [], hiddenCols: [], ...extra };
}

const wb = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "测试.xlsx", sheets });

describe("recognizer robustness", () => {
  it("reports a sheet that matches no table, with the reason", () => {
    const m = recognize(
      wb(
        sheet("Sheet1", [
          ["姓名", "电话"],
          ["张三", "123"],
        ]),
      ),
    );
    expect(m.tables).toEqual([]);
    expect(m.unrecognized).toEqual([{ sheet: "Sheet1", range: "A1:B2", reason: "没有找到表标题，工作表名「Sheet1」也不对应任何已知的公开表" }]);
    expect(m.documentKind).toBeNull();
  });

  it("reports an unknown table title", () => {
    const m = recognize(wb(sheet("表A", [["单位工资明细表"], ["姓名", "金额"], ["张三", 1]])));
    expect(m.unrecognized[0].reason).toBe("标题「单位工资明细表」不是已知的预决算公开表");
  });

  it("reads a table without a title by its sheet name, without merges, with text and error cells", () => {
    const s = sheet("一般公共预算支出表", [
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计", "10.00", "4.00", "6.00"],
      ["208", "社会保障和就业支出", "１０．００", "4.00", "#REF!"],
      ["20805", "行政事业单位养老支出", "十元", "4.00", null],
    ]);
    s.cells[2][4] = { value: { error: "#REF!" }, text: "#REF!" };
    const m = recognize(wb(s));
    expect(m.tables).toHaveLength(1);
    const t = m.tables[0];
    expect([t.kind, t.range, t.title]).toEqual(["gpb_expense", "A1:E4", "一般公共预算支出表"]);
    expect(t.blocks[0].columns.map((c) => c.role)).toEqual(["合计", "基本支出", "项目支出"]);
    const rows = t.blocks[0].rows;
    expect(rows.map((r) => [r.code, r.name, r.level])).toEqual([
      [undefined, "合计", 0],
      ["208", "社会保障和就业支出", 1],
      ["20805", "行政事业单位养老支出", 2],
    ]);
    expect(rows[1].amounts["合计"].value.toString()).toBe("10");
    expect(t.issues.map((i) => [i.cell.address, i.issue])).toEqual([
      ["E3", "error-value"],
      ["C4", "not-a-number"],
    ]);
  });

  it("never throws on odd grids", () => {
    const odd: SheetSnapshot[] = [
      sheet("空", []),
      sheet("一格", [["收支总表"]]),
      sheet("只有标题", [["部门预算支出总表"], ["单位：万元"]]),
      sheet("数字", [
        [1, 2, 3],
        [4, 5, 6],
      ]),
      sheet("巨大合并", [["部门预算收支总表"], ["项目", "预算数"]], { merges: [{ top: 0, left: 0, bottom: 100000, right: 200 }] }),
      sheet("合并越界", [["三公经费支出表"], ["项目", "合计"], ["合计", "1.00"]], { merges: [{ top: 5, left: 5, bottom: 2, right: 1 }] }),
      sheet(
        "偏移",
        [
          [null, null],
          [null, "财政拨款收支总表"],
        ],
        { top: 1000, left: 300 },
      ),
      sheet("错误值", [["三公经费支出表"], ["项目", "合计"], ["合计", "#N/A"]]),
    ];
    odd[7].cells[2][1] = { value: { error: "#N/A" }, text: "#N/A" };
    expect(() => recognize(wb(...odd))).not.toThrow();
    const m = recognize(wb(...odd));
    expect(m.unrecognized.find((u) => u.sheet === "空")?.reason).toBe("空工作表");
    expect(m.unrecognized.find((u) => u.sheet === "只有标题")?.reason).toBe("找到标题「部门预算支出总表」，但标题下没有表头");
  });

  it("a random grid never makes it throw", () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = ["合计", "项目", "收入", "支出", "栏次", "208", "2080505", "三公经费支出表", "单位：万元", "注：空表", "1.00", "-", "一、", "科目编码", ""];
    for (let n = 0; n < 50; n++) {
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 20) }, () =>
        Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => words[Math.floor(rnd() * words.length)]),
      );
      expect(() => recognize(wb(sheet(`随机${n}`, rows)))).not.toThrow();
    }
  });
});

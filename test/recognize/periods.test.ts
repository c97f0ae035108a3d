/**
 * Columns of other periods than this year's: 上年预算数/上年决算数 and headers that name a year (compared with
 * the table's 年度, else the workbook's), 增减额/增减%, 年初预算数/调整预算数/完成率. They get roles of their
 * own and are never read as this year's amounts.
 */
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/workbook";
import type { BudgetModel } from "../../src/model/budgetModel";
import { periodOf } from "../../src/recognize/columns";
import { recognize } from "../../src/recognize/recognize";
import { mainColumn } from "../../src/model/query/twoSided";
import { plainColumns } from "../../src/model/query/tables";

function sheet(name: string, rows: (string | number | null)[][]): SheetSnapshot {
  const cells: (Cell | null)[][] = rows.map((r) => r.map((v) => (v === null ? null : { value: v, text: String(v) })));
  return { name, top: 0, left: 0, cells, merges: [], hiddenRows: [], hiddenCols: [] };
}

const wb = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "测试.xlsx", sheets });

/** Columns of the first table of a kind as "role" or "role→of". */
function columns(m: BudgetModel, kind: string): string[] {
  return m.tables.find((t) => t.kind === kind)!.blocks[0].columns.map((c) => (c.period ? `${c.role}→${c.of}` : c.role));
}

/** A 一般公共预算支出表 with the given header row over 科目编码/科目名称 and two amount columns. */
function gpbTable(title: string, meta: string[], header: string[]): SheetSnapshot {
  return sheet("一般公共预算支出表", [[title], meta, ["科目编码", "科目名称", ...header], ["", "合计", 90, 100], ["208", "社会保障和就业支出", 90, 100]]);
}

describe("columns of other periods", () => {
  it("reads header parts as periods", () => {
    expect(periodOf(["上年预算数"], 2024)).toEqual({ period: "上年", header: [] });
    expect(periodOf(["上年决算数", "合计"], 2024)).toEqual({ period: "上年", header: ["合计"] });
    expect(periodOf(["本年预算数", "合计"], 2024)).toEqual({ period: undefined, header: ["预算数", "合计"] });
    expect(periodOf(["2024年预算数"], 2024)).toEqual({ period: undefined, header: ["预算数"], namedYear: 2024 });
    expect(periodOf(["2023年预算数"], 2024)).toEqual({ period: "上年", header: [], namedYear: 2023 });
    expect(periodOf(["2021年决算数"], 2024)).toEqual({ period: "其他年度", header: [], namedYear: 2021 });
    expect(periodOf(["比上年增减", "金额"], 2024)).toEqual({ period: "增减额", header: [] });
    expect(periodOf(["比上年增减", "%"], 2024)).toEqual({ period: "增减率", header: [] });
    expect(periodOf(["增减率(%)"], 2024)).toEqual({ period: "增减率", header: [] });
    expect(periodOf(["年初预算数"], 2024)).toEqual({ period: "年初预算", header: [] });
    expect(periodOf(["调整预算数"], 2024)).toEqual({ period: "调整预算", header: [] });
    expect(periodOf(["完成年初预算%"], 2024)).toEqual({ period: "完成率", header: [] });
    // this year's words stay as they are
    for (const h of ["上年结转", "本年收入", "年初结转和结余", "预算数", "决算数", "2024年预留中小微企业份额"])
      expect(periodOf([h], 2024)).toEqual({ period: undefined, header: [h] });
  });

  it("compares a year in a header with the table's 年度", () => {
    const m = recognize(wb(gpbTable("2024年一般公共预算支出表", ["单位：万元"], ["2023年预算数", "2024年预算数"])));
    expect(columns(m, "gpb_expense")).toEqual(["上年→预算数", "预算数"]);
    const t = m.tables[0];
    expect(plainColumns(t.blocks[0]).map((c) => c.role)).toEqual(["预算数"]);
    expect(Object.fromEntries(Object.entries(t.blocks[0].rows[0].amounts).map(([k, a]) => [k, a.value.toString()]))).toEqual({ 上年: "90", 预算数: "100" });
  });

  it("compares it with the workbook's 年度 when the table states none, so that last year's column is never this year's", () => {
    // the table names one year only; the other table says 预算年度 2024
    const other = sheet("三公", [["“三公”经费支出表"], ["预算年度：2024", "单位：万元"], ["项目", "合计"], ["合计", 1]]);
    const m = recognize(wb(gpbTable("一般公共预算支出表", ["单位：万元"], ["2023年预算数", "预算数"]), other));
    expect(m.year).toBe(2024);
    expect(columns(m, "gpb_expense")).toEqual(["上年→预算数", "预算数"]);
    expect(mainColumn(m.tables[0].blocks[0])!.role).toBe("预算数");
    expect(m.tables[0].blocks[0].rows[0].amounts["上年"].value.toString()).toBe("90");
    // with no 年度 anywhere, of two years named the later is this year's
    const alone = recognize(wb(gpbTable("一般公共预算支出表", ["单位：万元"], ["2023年预算数", "2024年预算数"])));
    expect(columns(alone, "gpb_expense")).toEqual(["上年→预算数", "预算数"]);
  });

  it("reads 上年决算数, 增减 and 年初预算 columns of a 决算 table", () => {
    const m = recognize(
      wb(
        sheet("公开05", [
          ["一般公共预算财政拨款支出决算表"],
          ["2024年度", "金额单位：万元"],
          ["科目代码", "科目名称", "上年决算数", "年初预算数", "本年决算数", "比上年增减", null, "完成率(%)"],
          [null, null, null, null, null, "金额", "%", null],
          ["", "合计", 80, 95, 100, 20, 25, 105.26],
        ]),
      ),
    );
    // (no merges here: the blank header cell over "%" continues 比上年增减)
    expect(columns(m, "gpb_expense")).toEqual(["上年→决算数", "年初预算→决算数", "决算数", "增减额→决算数", "增减率→决算数", "完成率→决算数"]);
  });
});

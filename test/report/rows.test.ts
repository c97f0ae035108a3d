/**
 * The rows of the exported 审核结果 sheet (reportRows) on seed000 with one typo (03支出总表!E10 72.99 where the
 * published table has 71.99) and its 提示 confirmed; their placement, and the replace-or-keep decision.
 */
import * as path from "path";
import { findingKey } from "../../src/addin/check";
import { checkWorkbook, type CheckResult } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import {
  fingerprintOf,
  freeResultSheetName,
  internalLink,
  parseInternalLink,
  placeReportSheet,
  planResultSheet,
  type ReportRow,
} from "../../src/host/resultSheet";
import type { ConfirmedFinding } from "../../src/host/types";
import { checkTime, REPORT_HEADER, reportRows } from "../../src/report/rows";
import { FIXTURES } from "../helpers";

const CHECKED_AT = new Date(2026, 4, 1, 18, 30); // local time: the sheet shows the officer's clock
const R3 = "支出类表每行：合计 = 基本支出 + 项目支出（+ 经营支出等），基本支出 = 人员经费 + 公用经费各项";
const R4 = "功能分类科目逐级汇总：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和";
const R7 = "一般公共预算财政拨款支出表的基本支出合计 = 基本支出表合计；收入全部为财政拨款时，支出总表与一般公共预算财政拨款支出表同一科目的金额一致";
const R8 = "经济分类科目逐级汇总：类 = 所属款之和，合计 = 各类之和";
const N1 = "情况说明中的金额、单位、构成、增减、占比和增幅应与表格一致";

let result: CheckResult;
let confirmed: ConfirmedFinding;

beforeAll(async () => {
  const wb = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
  const s = wb.sheets.find((x) => x.name === "03支出总表")!;
  s.cells[9 - s.top][4 - s.left] = { value: 72.99, text: "72.99", numFmt: "0.00" };
  result = checkWorkbook(wb);
  const warning = result.findings.find((f) => f.level === "warning")!;
  confirmed = { key: findingKey(warning), ruleId: warning.ruleId, message: warning.message, explanation: "经核实，上年该项为0，文字已改", at: "2026-11-23" };
});

/** A row without its message (checked apart), as [序号, 级别, 规则, 单元格 → link, 可疑单元格及建议值 → link, 核实说明]. */
function brief(r: ReportRow) {
  const [n, level, rule, , cells, suspect, note] = r.cells;
  const linked = (c: (typeof r.cells)[number]) => (c.link ? `${c.value} → ${c.link.sheet}!${c.link.address}` : c.value);
  return [n.value, level.value, rule.value, linked(cells), linked(suspect), note.value];
}

describe("reportRows", () => {
  it("lists every open finding, errors first, then the confirmed 提示 with its explanation", () => {
    const sheet = reportRows(result, { confirmed: [confirmed] }, CHECKED_AT);
    expect(sheet.lines).toEqual([
      "审核结果 · 单位：保定市满城区医疗保障局本级（450001） · 年度：2024 · 类型：预算 · 检查时间：2026-05-01 18:30",
      "共 8 条：错误 3 条，提示 0 条，尾差 5 条，按错误、提示、尾差排列（尾差是四舍五入造成的差异，在允许范围内，任务窗格默认不显示，这里全部列出）；已核实的提示 1 条列在最后，附核实说明。单击“单元格”或“可疑单元格”列的链接可转到该单元格。",
    ]);
    expect(sheet.header).toEqual(["序号", "级别", "规则", "说明", "单元格", "可疑单元格及建议值", "核实说明"]);
    expect(sheet.rows.map(brief)).toEqual([
      [1, "错误", R3, "03支出总表!D10 ↔ E10、F10、G10、H10、I10 → 03支出总表!D10", "03支出总表!E10（应为 71.99） → 03支出总表!E10", ""],
      [2, "错误", R4, "03支出总表!E8 ↔ E9、E10、E11 → 03支出总表!E8", "03支出总表!E10（应为 71.99） → 03支出总表!E10", ""],
      [3, "错误", R7, "03支出总表!E10 ↔ 05一般公共预算支出表!E10 → 03支出总表!E10", "03支出总表!E10（应为 71.99） → 03支出总表!E10", ""],
      [
        4,
        "尾差",
        R3,
        "03支出总表!D12、05一般公共预算支出表!D12、02收入总表!D12、E12、F12 ↔ 03支出总表!E12、F12、G12、H12、I12、05一般公共预算支出表!E12、F12、02收入总表!D13、D15、D17、D19、E13、E15、E17、E19 … 等 32 个单元格 → 03支出总表!D12",
        "",
        "",
      ],
      [5, "尾差", R4, "03支出总表!E6、05一般公共预算支出表!E6 ↔ 03支出总表!E7、E12、E23、05一般公共预算支出表!E7、E12、E23 → 03支出总表!E6", "", ""],
      [
        6,
        "尾差",
        R4,
        "02收入总表!D8、E8、F8、03支出总表!D8、05一般公共预算支出表!D8、E8 ↔ 02收入总表!D9、D10、D11、E9、E10、E11、F9、F10、F11、03支出总表!D9、D10、D11、05一般公共预算支出表!D9、D10 … 等 24 个单元格 → 02收入总表!D8",
        "",
        "",
      ],
      [
        7,
        "尾差",
        R8,
        "06基本支出表!D7、E7 ↔ D8、D9、D10、D11、D12、D13、D14、D15、D16、D17、E8、E9、E10、E11、E12、E13、E14、E15 … 等 22 个单元格 → 06基本支出表!D7",
        "",
        "",
      ],
      [
        8,
        "尾差",
        R8,
        "06基本支出表!D18、F18 ↔ D19、D20、D21、D22、D23、D24、D25、D26、D27、D28、D29、F19、F20、F21、F22、F23、F24、F25 … 等 24 个单元格 → 06基本支出表!D18",
        "",
        "",
      ],
      [9, "提示", N1, "情况说明!A27 ↔ 09三公经费!C7 → 情况说明!A27", "情况说明!A27 → 情况说明!A27", "经核实，上年该项为0，文字已改（2026-11-23 核实）"],
    ]);
    // the message is the finding's own, word for word
    expect(sheet.rows[0].cells[3].value).toBe(
      "「支出总表」第10行「2080505 机关事业单位基本养老保险缴费支出」：合计 71.99 应等于 基本支出 + 项目支出 + 经营支出 + 上解上级支出 + 对附属单位补助支出 之和 72.99，相差 -1.00万元，超出 ±0.01万元 的尾差范围。",
    );
    expect(sheet.rows[8].cells[3].value).toBe(confirmed.message);
    expect(sheet.rows.map((r) => r.level)).toEqual([...Array(3).fill("error"), ...Array(5).fill("info"), "warning"]);
    // no rule id anywhere the officer reads
    const texts = [...sheet.lines, ...sheet.header, ...sheet.rows.flatMap((r) => r.cells.map((c) => String(c.value)))];
    for (const t of texts) expect(t).not.toMatch(/\b[RXN]\d+(-[a-z]+)+\b/);
  });

  it("without confirmations the 提示 is an open row among the others; without findings it says so", () => {
    const sheet = reportRows(result, { confirmed: [] }, CHECKED_AT);
    expect(sheet.rows.map((r) => r.cells[1].value)).toEqual(["错误", "错误", "错误", "提示", ...Array(5).fill("尾差")]);
    expect(sheet.rows[3].cells[6].value).toBe("");
    expect(sheet.lines[1]).toMatch(/^共 9 条：错误 3 条，提示 1 条，尾差 5 条，/);
    const empty = reportRows(
      { model: { ...result.model, unitName: null, unitCode: null, year: null, documentKind: null }, findings: [] },
      { confirmed: [] },
      CHECKED_AT,
    );
    expect(empty.lines).toEqual(["审核结果 · 检查时间：2026-05-01 18:30", "未发现问题。"]);
    expect(empty.rows).toEqual([]);
    expect(checkTime(new Date(2024, 0, 2, 3, 4))).toBe("2024-01-02 03:04");
  });

  it("places the lines from A1, the header after a blank row, a cell per value (none for a blank)", () => {
    const sheet = reportRows(result, { confirmed: [confirmed] }, CHECKED_AT);
    const placed = placeReportSheet(sheet);
    expect(placed).toMatchObject({ headerRow: 3, rows: 13, columns: 7 });
    const at = (row: number, col: number) => placed.cells.find((c) => c.row === row && c.col === col);
    expect(at(0, 0)).toMatchObject({ text: sheet.lines[0], bold: true });
    expect(at(1, 0)?.bold).toBeFalsy();
    expect(REPORT_HEADER.map((_, col) => at(3, col))).toEqual(REPORT_HEADER.map((h, col) => ({ row: 3, col, value: h, text: h, bold: true })));
    expect(at(4, 0)).toEqual({ row: 4, col: 0, value: 1, text: "1" });
    expect(at(4, 1)).toEqual({ row: 4, col: 1, value: "错误", text: "错误", level: "error" });
    expect(at(4, 4)).toMatchObject({ link: { sheet: "03支出总表", address: "D10" }, wrap: true });
    expect(at(7, 5)).toBeUndefined(); // a 尾差 has no suspect
    expect(at(12, 6)?.text).toBe("经核实，上年该项为0，文字已改（2026-11-23 核实）");
  });
});

describe("the 审核结果 sheet's name and ownership", () => {
  it("names 审核结果, then 审核结果（2）… when taken", () => {
    expect(freeResultSheetName(["01收支总表"])).toBe("审核结果");
    expect(freeResultSheetName(["审核结果", "审核结果（2）"])).toBe("审核结果（3）");
  });

  it("links to a cell with the sheet quoted, and reads such a link back", () => {
    expect(internalLink({ sheet: "03支出总表", address: "E10" })).toBe("'03支出总表'!E10");
    expect(internalLink({ sheet: "It's", address: "A1" })).toBe("'It''s'!A1");
    expect(parseInternalLink("#'It''s'!A1")).toEqual({ sheet: "It's", address: "A1" });
    expect(parseInternalLink("#Sheet1!$B$2")).toEqual({ sheet: "Sheet1", address: "B2" });
    expect(parseInternalLink("https://example.com")).toBeNull();
  });

  it("replaces only its own sheet, unchanged and unprotected; keeps the officer's", () => {
    const ours = fingerprintOf([
      { row: 0, col: 0, text: "审核结果" },
      { row: 1, col: 0, text: "未发现问题。" },
    ]);
    const record = { sheet: "审核结果", fingerprint: ours };
    expect(planResultSheet(record, [{ name: "审核结果" }], ours)).toEqual({ sheet: "审核结果", replace: true });
    // edited since: it is the officer's now
    expect(planResultSheet(record, [{ name: "审核结果" }], fingerprintOf([{ row: 0, col: 0, text: "审核结果" }]))).toEqual({
      sheet: "审核结果（2）",
      replace: false,
      kept: "审核结果",
    });
    expect(planResultSheet(record, [{ name: "审核结果", protected: true }], ours)).toMatchObject({ sheet: "审核结果（2）", kept: "审核结果" });
    // a sheet of the name the add-in never wrote
    expect(planResultSheet(undefined, [{ name: "审核结果" }], undefined)).toEqual({ sheet: "审核结果（2）", replace: false, kept: "审核结果" });
    // its own sheet deleted: a new one
    expect(planResultSheet(record, [{ name: "01收支总表" }], undefined)).toEqual({ sheet: "审核结果", replace: false });
    // the fingerprint does not depend on the order of the cells, and sees a moved text
    expect(
      fingerprintOf([
        { row: 1, col: 0, text: "未发现问题。" },
        { row: 0, col: 0, text: "审核结果" },
      ]),
    ).toBe(ours);
    expect(
      fingerprintOf([
        { row: 0, col: 0, text: "审核结果" },
        { row: 2, col: 0, text: "未发现问题。" },
      ]),
    ).not.toBe(ours);
  });
});

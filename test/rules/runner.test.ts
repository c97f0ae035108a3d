/** Message templates: each placeholder filled from the data, one the data lacks left as written. */
import { formatMessage } from "../../src/rules/runner";

describe("formatMessage", () => {
  it("fills every placeholder, numbers included, wherever it stands", () => {
    expect(formatMessage("{row}的「{column}」{left} 应等于 {right}", { row: "第7行", column: "合计", left: "1.00", right: 2 })).toBe(
      "第7行的「合计」1.00 应等于 2",
    );
  });
  it("fills a placeholder each time it appears, and leaves text without placeholders alone", () => {
    expect(formatMessage("{a}+{a}={b}", { a: "1", b: "2" })).toBe("1+1=2");
    expect(formatMessage("没有占位符。", { a: "1" })).toBe("没有占位符。");
  });
  it("leaves a placeholder the data lacks as written, and braces that are not a placeholder", () => {
    expect(formatMessage("{row}：{missing}，{ 不是 }", { row: "第1行" })).toBe("第1行：{missing}，{ 不是 }");
  });
  it("gives the same text when a template is used again with other data", () => {
    const t = "「{table}」相差 {diff}{unit}";
    expect(formatMessage(t, { table: "收支总表", diff: "0.01", unit: "万元" })).toBe("「收支总表」相差 0.01万元");
    expect(formatMessage(t, { table: "支出总表", diff: "-2.00", unit: "" })).toBe("「支出总表」相差 -2.00");
  });
});

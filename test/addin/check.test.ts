/** One check of the open workbook (task pane and ribbon): the prior-year figures kept in the workbook reach the narrative check. */
import * as path from "path";
import { checkAndHighlight, settingsPrior } from "../../src/addin/check";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { MemoryHost, memoryStore } from "../../src/host/memory/MemoryHost";
import { EMPTY_SETTINGS } from "../../src/host/types";
import { FIXTURES } from "../helpers";

const YEAR_2023 = {
  year: 2023,
  total: "8378.87",
  basic: "799.60",
  project: "7579.27",
  threePublic: { 合计: "3.67", 因公出国: "0.03", 公务用车: "3.00", 公务接待: "0.64" },
};

async function n1(prior?: Record<string, unknown>) {
  const host = new MemoryHost(await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx")), memoryStore({ ...EMPTY_SETTINGS, prior }));
  const outcome = await checkAndHighlight(host);
  return outcome.findings.filter((f) => f.ruleId === "N1-narrative");
}

describe("checkAndHighlight with the workbook's 上年数据", () => {
  it("reads the stored JSON as --prior reads a file", () => {
    expect(settingsPrior(EMPTY_SETTINGS)).toBeUndefined();
    expect(settingsPrior({ ...EMPTY_SETTINGS, prior: YEAR_2023 })?.total?.toString()).toBe("8378.87");
    expect(() => settingsPrior({ ...EMPTY_SETTINGS, prior: { year: 2023, total: "八千" } })).toThrow('上年数据文件「上年数据」中「total」不是金额："八千"。');
  });

  it("checks the stated changes against them", async () => {
    expect((await n1()).map((f) => f.messageId)).toEqual(["zeroDecrease"]);
    expect(await n1(YEAR_2023)).toEqual([]);
    const found = await n1({ ...YEAR_2023, total: "8400.00" });
    expect(found.map((f) => [f.level, f.messageId, ...f.cells.map((c) => `${c.sheet}!${c.address}`)])).toEqual([
      ["error", "priorChange", "情况说明!A23", "01收支总表!E37"],
    ]);
    expect(found[0].message).toContain("上年为 8400.00万元（上年数据文件），应增加 664.36万元，文中写“增加685.49万元”，相差 21.13万元。");
  });
});

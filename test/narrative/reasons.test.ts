import * as path from "path";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import type { WorkbookSnapshot } from "../../src/grid/workbook";
import { Dec } from "../../src/grid/decimal";
import type { PriorYear } from "../../src/model/prior";
import { applyReasons, listSlots, recoverReasons } from "../../src/narrative/reasons";
import { narrativeLines } from "../../src/narrative/write";
import { recognize } from "../../src/recognize/recognize";
import { FIXTURES, fixtureModel, generate } from "../helpers";

const prior2023: PriorYear = {
  year: 2023,
  total: new Dec("8378.87"),
  basic: new Dec("799.60"),
  project: new Dec("7579.27"),
  threePublic: { 因公出国: new Dec("0.03"), 公务用车: new Dec("3.00"), 公务接待: new Dec("0.64") },
};

/** seed000 with one amount of the “三公” table changed: 公务接待费 0.61 → 0.71 (合计 3.61 → 3.71). */
async function seed000Changed() {
  const wb: WorkbookSnapshot = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
  const sheet = wb.sheets.find((s) => s.cells.some((r) => r.some((c) => /“三公”经费支出表/.test(c?.text ?? ""))))!;
  for (const row of sheet.cells) {
    for (const [i, c] of row.entries()) {
      if (c?.text === "0.61") row[i] = { ...c, value: 0.71, text: "0.71" };
      else if (c?.text === "3.61") row[i] = { ...c, value: 3.71, text: "3.71" };
    }
  }
  return recognize(wb);
}

describe("reasons kept on regeneration", () => {
  it("lists each slot with a key made of the section and the item, not the amounts", async () => {
    const sections = generate(await fixtureModel("seed000"), prior2023);
    expect(listSlots(sections).map((s) => [s.key, s.kind, s.paragraph, s.placeholder])).toEqual([
      ["change/基本支出", "reason", 0, "【请填写增减原因】"],
      ["change/项目支出", "reason", 0, "【请填写增减原因】"],
      ["operating/机关运行经费", "use", 0, "【请填写主要用途】"],
      ["threePublic/因公出国", "reason", 0, "【请填写增减原因】"],
      ["threePublic/公务接待", "reason", 0, "【请填写增减原因】"],
    ]);
  });

  it("fills the slots that have a reason and leaves the others", async () => {
    const sections = generate(await fixtureModel("seed000"), prior2023);
    const filled = applyReasons(sections, { "change/基本支出": "人员工资调整", "change/项目支出": " " });
    expect(filled.find((s) => s.id === "change")!.paragraphs[0]).toBe(
      "2024年预算收支安排9064.36万元，较2023年预算增加685.49万元，其中：基本支出增加6.04万元，主要为人员工资调整；项目支出增加679.45万元，主要是【请填写增减原因】。",
    );
    expect(listSlots(filled).map((s) => s.key)).toEqual(["change/项目支出", "operating/机关运行经费", "threePublic/因公出国", "threePublic/公务接待"]);
    expect(sections.find((s) => s.id === "change")!.paragraphs[0]).toContain("主要为【请填写增减原因】"); // not changed in place
  });

  it("keeps what the officer wrote when a table amount and the prior figures change", async () => {
    const first = generate(await fixtureModel("seed000"), prior2023);
    // the officer fills the slots in the written text (and adds spaces and half-width punctuation, as Word does)
    const written = narrativeLines(first)
      .map((l) => l.text)
      .map((t) =>
        t
          .replace("主要为【请填写增减原因】", "主要为人员工资调整")
          .replace("主要是【请填写增减原因】", "主要是城乡居民基本医疗保险标准提高")
          .replace("【请填写主要用途】", "日常办公费、办公用房水电费、办公用房取暖费")
          .replace("减少0.03万元，主要原因是【请填写增减原因】；", "减少0.03万元，主要原因是:本年无出国计划；")
          .replace("【请填写增减原因】", "预算人员调整")
          .replace("2024年预算收支安排", "2024 年预算收支安排 "),
      );
    const again = generate(await seed000Changed(), { ...prior2023, total: new Dec("8000.00"), basic: new Dec("800.00"), project: new Dec("7200.00") });
    const reasons = recoverReasons(written, again);
    expect(reasons).toEqual({
      "change/基本支出": "人员工资调整",
      "change/项目支出": "城乡居民基本医疗保险标准提高",
      "operating/机关运行经费": "日常办公费、办公用房水电费、办公用房取暖费",
      "threePublic/因公出国": "本年无出国计划",
      "threePublic/公务接待": "预算人员调整",
    });
    const text = Object.fromEntries(applyReasons(again, reasons).map((s) => [s.id, s.paragraphs.join("")]));
    expect(text.change).toBe(
      "2024年预算收支安排9064.36万元，较2023年预算增加1064.36万元，其中：基本支出增加5.64万元，主要为人员工资调整；项目支出增加1058.72万元，主要是城乡居民基本医疗保险标准提高。",
    );
    expect(text.threePublic).toBe(
      "2024年，我单位财政拨款“三公”经费预算安排3.71万元，与2023年相比增加0.04万元，其中因公出国（境）费0万元，与2023年相比减少0.03万元，主要原因是本年无出国计划；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元），与2023年相比持平；公务接待费0.71万元，与2023年相比增加0.07万元，主要原因是预算人员调整。",
    );
    expect(text.operating).toBe("2024年，我单位机关运行经费共计安排29.34万元，主要用于日常办公费、办公用房水电费、办公用房取暖费等日常运行支出。");
  });

  it("tells same-worded clauses apart by their paragraph, and leaves a slot the officer did not fill", async () => {
    const sections = generate(await fixtureModel("seed000"), prior2023);
    const lines = narrativeLines(sections).map((l) => l.text.replace("减少0.03万元，主要原因是【请填写增减原因】；", "减少0.03万元，主要原因是无出国任务；"));
    expect(recoverReasons(lines, sections)).toEqual({ "threePublic/因公出国": "无出国任务" });
  });
});

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FIXTURES, runCli } from "../helpers";

const run = runCli;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("budget-check", () => {
  it("prints findings grouped by sheet, errors first, with cells and a summary; exit 1 on errors", async () => {
    const r = await run([path.join(FIXTURES, "seed001-dept.xlsx")]);
    expect(r.code).toBe(1);
    const results = r.out.slice(r.out.indexOf("  审核结果："));
    expect(results.split("\n").slice(0, 6)).toEqual([
      "  审核结果：",
      "  政府采购",
      "    错误  R14-procurement  H8 ↔ F8、G8",
      "          「政府采购预算表」第8行「金属质柜类」：数量 10 × 单价 900.00 = 9000.00，但金额为 8500.00，相差 -500.00元，超出尾差范围。",
      "    错误  R14-procurement  H9 ↔ F9、G9",
      "          「政府采购预算表」第9行「台式计算机」：数量 2 × 单价 3300.00 = 6600.00，但金额为 6500.00，相差 -100.00元，超出尾差范围。",
    ]);
    expect(results).toContain("    提示  R10-payroll-lines  D12\n");
    expect(results).toContain("  共 8 条审核结果：错误 5 个，提示 3 个，尾差 0 个。\n");
  });

  it("names the suspect of a typo that breaks several equations, with the value that sets them right", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, "seed000.xlsx"));
    wb.getWorksheet("03支出总表")!.getCell("E10").value = 72.99; // 71.99 in the published table
    const file = path.join(tmp, "一处笔误.xlsx");
    await wb.xlsx.writeFile(file);
    const json = JSON.parse((await run(["--format", "json", file])).out).files[0];
    const suspects = json.findings.filter((f: { level: string }) => f.level === "error").map((f: { suspect: unknown }) => f.suspect);
    expect(suspects.length).toBeGreaterThanOrEqual(2);
    for (const s of suspects) expect(s).toEqual({ sheet: "03支出总表", address: "E10", proposed: "71.99" });
    const text = (await run([file])).out;
    expect(text).toContain("  可疑单元格：E10（应为 71.99）\n");
  });

  it("adds the fix the check is certain of under its finding (建议修改), and as `fix` in JSON", async () => {
    const file = path.join(FIXTURES, "seed004.xlsx");
    const lines = (await run([file])).out.split("\n");
    const at = lines.indexOf("    提示  N1-narrative  A46 ↔ 公开03支出决算表!C7  可疑单元格：A46");
    expect(lines.slice(at + 2, at + 3)).toEqual(["          建议修改：改为“1,367.05万元”"]);
    expect(lines.filter((l) => l.includes("建议修改："))).toHaveLength(1);
    const findings = JSON.parse((await run(["--format", "json", file])).out).files[0].findings;
    expect(findings.filter((f: { fix?: unknown }) => f.fix).map((f: { ruleId: string; fix: unknown }) => [f.ruleId, f.fix])).toEqual([
      [
        "N1-narrative",
        {
          label: "改为“1,367.05万元”",
          edits: [
            {
              sheet: "情况说明",
              address: "A46",
              before: "2024年度财政拨款基本支出1.367.05万元，其中：",
              after: "2024年度财政拨款基本支出1,367.05万元，其中：",
            },
          ],
        },
      ],
    ]);
  });

  it("writes an annotated copy and never touches the input", async () => {
    const input = path.join(FIXTURES, "seed001-dept.xlsx");
    const before = fs.readFileSync(input);
    const out = path.join(tmp, "标注");
    const r = await run(["--annotate", out, "--format", "json", input]);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const copy = path.join(out, "seed001-dept.xlsx");
    expect(JSON.parse(r.out).files[0].annotated).toBe(copy);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const h8 = wb.getWorksheet("政府采购")!.getCell("H8");
    expect((h8.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(JSON.stringify(h8.note)).toContain("数量 10 × 单价 900.00 = 9000.00");
    expect(wb.getWorksheet("06一般公共预算基本支出表")!.getCell("D12").fill).toMatchObject({ fgColor: { argb: "FFFFEB9C" } });
    expect(h8.value).toBe(8500); // values untouched
    const results = wb.getWorksheet("审核结果")!;
    expect(results.rowCount).toBe(1 + 8);
    expect(results.getRow(2).values).toEqual([
      undefined, // exceljs's row values start at index 1
      "错误",
      "R14-procurement",
      "政府采购",
      { text: "H8、F8、G8", hyperlink: "#政府采购!H8" },
      "",
      expect.stringContaining("金属质柜类"),
    ]);
  });

  it("checks a folder on worker threads and writes a self-contained HTML report", async () => {
    const dir = path.join(tmp, "报告");
    fs.mkdirSync(dir);
    for (const id of ["seed000", "seed001-dept", "seed003"]) fs.copyFileSync(path.join(FIXTURES, `${id}.xlsx`), path.join(dir, `${id}.xlsx`));
    const html = path.join(tmp, "报告.html");
    const r = await run(["--jobs", "2", "--report", html, dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[3/3] ");
    expect(r.err).toContain(`HTML 报告已写入 ${html}`);
    expect(r.out).toContain("共检查 3 个文件");
    expect(r.out).toContain("：2 个有错误，1 个没有错误，0 个无法读取。");
    expect(r.out).toContain("错误 6 个，提示 5 个，尾差 14 个。");
    const page = fs.readFileSync(html, "utf8");
    expect(page).toContain("预决算公开审核报告");
    expect(page).not.toMatch(/https?:\/\//);
    // the same results as one file at a time
    const single = await run(["--jobs", "1", "--format", "json", dir]);
    const parallel = await run(["--jobs", "2", "--format", "json", dir]);
    expect(JSON.parse(parallel.out)).toEqual(JSON.parse(single.out));
  }, 60_000);

  it("clamps --jobs to the number of cores, with a note", async () => {
    const cores = os.availableParallelism();
    const r = await run(["--jobs", "100", "--format", "json", path.join(FIXTURES, "seed000.xlsx")]);
    expect(r.err).toContain(`--jobs 100 超过本机的 CPU 核数，已按 ${cores} 个同时检查。`);
    expect(r.code).toBe(0);
  });

  it("refuses an --annotate folder that holds an input", async () => {
    const dir = path.join(tmp, "同一文件夹");
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(FIXTURES, "seed000.xlsx"), path.join(dir, "a.xlsx"));
    const r = await run(["--annotate", dir, path.join(dir, "a.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--annotate 的输出文件夹不能是输入文件所在的文件夹");
  });

  it("prints kind, unit, year, amount unit, tables and unrecognized sheets of a workbook", async () => {
    const r = await run([path.join(FIXTURES, "seed000.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("  共 6 条审核结果：错误 0 个，提示 1 个，尾差 5 个。");
    const lines = r.out.split("\n");
    expect(lines[1]).toBe("  文档：预算 · 单位：保定市满城区医疗保障局本级（450001） · 年度：2024 · 金额单位：万元");
    expect(lines[2]).toBe("  格式：部门预算·通用格式（河北措辞） —— 预算；未见河南格式的“总体情况表”，按通用格式");
    expect(lines[3]).toBe("  已识别 19 张表：");
    expect(lines[4]).toMatch(/^ {4}收支总表 +01收支总表!A1:E39 +34 行$/);
    expect(r.out).toContain("  未识别 1 处：\n    机构设置!A1:D3：机构设置情况表不含预算金额，不参与审核\n");
    expect(r.out).toContain("  情况说明：44 段（工作表「情况说明」）");
  });

  it("prints JSON with the same content", async () => {
    const r = await run(["--format", "json", path.join(FIXTURES, "seed004.xlsx")]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const f = json.files[0];
    expect([f.kind, f.year, f.unit, f.unitName]).toEqual(["决算", 2024, "万元", "高平市医疗保险服务中心"]);
    expect(f.tables[0]).toMatchObject({ kind: "income_expense_summary", sheet: "公开01收入支出决算总表", range: "A1:F38", rows: 30 });
    expect(f.tables).toHaveLength(21);
    expect(f.narrative.paragraphs).toBe(91);
    expect(f.narrative.sections.map((x: { id: string }) => x.id)).toEqual([
      "overall",
      "income",
      "expense",
      "fiscal",
      "gpb",
      "basic",
      "fund",
      "soe",
      "threePublic",
      "procurement",
      "assets",
    ]);
    expect(f.summary).toEqual({ error: 1, warning: 3, info: 6 });
    expect(f.findings[0]).toEqual({
      ruleId: "R21-self-evaluation",
      level: "error",
      message: "「全国医疗保障服务示范点工作经费」执行率 62.18% 与 全年执行数 5.597 ÷ 全年预算数 9 = 62.1889% 不符（应为 62.19%）。",
      sheet: "自评-全国医保服务示范点工作经费",
      cells: [
        { sheet: "自评-全国医保服务示范点工作经费", address: "L7", side: "left" },
        { sheet: "自评-全国医保服务示范点工作经费", address: "J7", side: "right" },
        { sheet: "自评-全国医保服务示范点工作经费", address: "I7", side: "right" },
      ],
      suspect: { sheet: "自评-全国医保服务示范点工作经费", address: "L7" },
      suspectNote: null,
      expected: "62.19",
      actual: "62.18",
      difference: null,
      tolerance: null,
    });
  });

  it("checks every workbook of a folder and names an unreadable one, exiting 2", async () => {
    const dir = path.join(tmp, "批量");
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(FIXTURES, "seed003.xlsx"), path.join(dir, "a.xlsx"));
    fs.writeFileSync(path.join(dir, "b.xlsx"), "不是工作簿");
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), "Excel lock file");
    fs.writeFileSync(path.join(dir, "说明.txt"), "不检查");
    const r = await run(["--format=json", dir]);
    expect(r.code).toBe(2); // unusable input wins over findings
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { path: string }) => path.basename(f.path))).toEqual(["a.xlsx", "b.xlsx"]);
    expect(json.files[1]).toEqual({ path: path.join(dir, "b.xlsx"), error: "文件「b.xlsx」不是 Excel 工作簿（.xlsx），无法读取。" });
    expect(r.err).toContain("1 个文件无法读取");
  });

  it("prints the full mapping on request", async () => {
    const r = await run(["--mapping", path.join(FIXTURES, "seed002.xlsx")]);
    expect(r.out).toContain("C9 2080109 社会保险经办机构 项：合计=7.00@D9");
  });

  it("explains usage errors in Chinese with exit code 2", async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining("请指定至少一个工作簿或文件夹") });
    expect(await run(["--format", "xml", "a.xlsx"])).toMatchObject({ code: 2, err: expect.stringContaining("--format 只能是 text 或 json") });
    expect(await run(["--bogus"])).toMatchObject({ code: 2, err: expect.stringContaining("未知选项：--bogus") });
    expect(await run(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("用法：budget-check") });
    expect(await run([path.join(tmp, "没有这个文件.xlsx")])).toMatchObject({ code: 2 });
  });
});

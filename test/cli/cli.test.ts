import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../helpers";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("budget-check", () => {
  it("prints kind, unit, year, amount unit, tables and unrecognized sheets of a workbook", async () => {
    const r = await run([path.join(FIXTURES, "seed000.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines[1]).toBe("  文档：预算 · 单位：保定市满城区医疗保障局本级（450001） · 年度：2024 · 金额单位：万元");
    expect(lines[2]).toBe("  已识别 19 张表：");
    expect(lines[3]).toMatch(/^ {4}收支总表 +01收支总表!A1:E39 +34 行$/);
    expect(r.out).toContain("  未识别 1 处：\n    机构设置!A1:D3：机构设置情况表不含预算金额，不参与审核\n");
    expect(r.out).toContain("  情况说明：44 段（工作表「情况说明」）");
  });

  it("prints JSON with the same content", async () => {
    const r = await run(["--format", "json", path.join(FIXTURES, "seed004.xlsx")]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const f = json.files[0];
    expect([f.kind, f.year, f.unit, f.unitName]).toEqual(["决算", 2024, "万元", "高平市医疗保险服务中心"]);
    expect(f.tables[0]).toMatchObject({ kind: "income_expense_summary", sheet: "公开01收入支出决算总表", range: "A1:F38", rows: 30 });
    expect(f.tables).toHaveLength(21);
    expect(f.narrative).toEqual({ paragraphs: 91 });
  });

  it("checks every workbook of a folder and names an unreadable one, exiting 2", async () => {
    const dir = path.join(tmp, "批量");
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(FIXTURES, "seed003.xlsx"), path.join(dir, "a.xlsx"));
    fs.writeFileSync(path.join(dir, "b.xlsx"), "不是工作簿");
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), "Excel lock file");
    fs.writeFileSync(path.join(dir, "说明.txt"), "不检查");
    const r = await run(["--format=json", dir]);
    expect(r.code).toBe(2);
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

/**
 * Legacy workbooks: the seed fixtures saved as Excel 97–2003 .xls (and one as a WPS-named .et) by the
 * fixture script read into the same snapshot as their .xlsx, give the same findings, and get an .xlsx
 * annotated copy; legacy files that cannot be read get a Chinese message.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/host/file/readWorkbook";
import { FIXTURES, runCli } from "../helpers";

const LEGACY = path.join(FIXTURES, "legacy");
const ids = fs
  .readdirSync(LEGACY)
  .filter((f) => f.endsWith(".xls"))
  .map((f) => f.replace(/\.xls$/, ""));

describe("legacy .xls/.et workbooks", () => {
  it("there is one for every fixture workbook", () => expect(ids.length).toBe(fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).length));

  it.each(ids)("%s.xls reads into the same snapshot as its .xlsx", async (id) => {
    const legacy = await readWorkbookFile(path.join(LEGACY, `${id}.xls`));
    const xlsx = await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
    expect(legacy.sheets.map((s) => s.name)).toEqual(xlsx.sheets.map((s) => s.name));
    legacy.sheets.forEach((s, i) => {
      const t = xlsx.sheets[i];
      expect([s.top, s.left, s.merges, s.hiddenRows, s.hiddenCols]).toEqual([t.top, t.left, t.merges, t.hiddenRows, t.hiddenCols]);
      // (SheetJS writes BIFF8 text cells of at most 255 characters: a longer 情况说明 paragraph comes back cut there)
      const cut = t.cells.map((row) =>
        row.map((c) => (c && typeof c.value === "string" && c.value.length > 255 ? { ...c, value: c.value.slice(0, 255), text: c.text.slice(0, 255) } : c)),
      );
      expect(s.cells).toEqual(cut);
    });
  });

  it("gives the same findings as the .xlsx, for .xls and for .et", async () => {
    const findings = async (file: string) => {
      const r = await runCli(["--format", "json", file]);
      return JSON.parse(r.out).files[0].findings.map((f: { ruleId: string; cells: unknown }) => [f.ruleId, f.cells]);
    };
    const expected = await findings(path.join(FIXTURES, "seed000.xlsx"));
    expect(expected.length).toBeGreaterThan(0);
    expect(await findings(path.join(LEGACY, "seed000.xls"))).toEqual(expected);
    expect(await findings(path.join(LEGACY, "seed000-wps.et"))).toEqual(expected);
  });

  it("an annotated copy of a legacy input is an .xlsx beside the others, with the findings sheet", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-legacy-"));
    const input = path.join(LEGACY, "seed000.xls");
    const before = fs.readFileSync(input);
    const r = await runCli(["--annotate", out, input]);
    expect(r.code).toBe((await runCli([path.join(FIXTURES, "seed000.xlsx")])).code);
    expect(fs.readdirSync(out)).toEqual(["seed000.xlsx"]);
    const copy = await readWorkbookFile(path.join(out, "seed000.xlsx"));
    expect(copy.sheets.map((s) => s.name)).toContain("审核结果");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("a damaged legacy file gets a Chinese message naming it", async () => {
    const bytes = fs.readFileSync(path.join(LEGACY, "seed000.xls"));
    const broken = Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(4096, 0xff)]);
    await expect(readWorkbookBuffer(broken, "损坏.xls")).rejects.toThrow(/^文件「损坏.xls」是旧版 .xls 格式，但其内容无法读取/);
  });
});

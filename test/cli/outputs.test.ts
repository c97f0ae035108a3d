/**
 * No input is ever written, nor any file that was there before the run: every way an output path can
 * reach an input (a symlinked folder, a hard link or symlink in the output folder, --prior and --narrative
 * inputs, same-named inputs) is refused before any work, with a Chinese message and exit code 2, and the
 * files are left byte for byte as they were.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { cellAt } from "../../src/grid/workbook";
import { annotatedCopyPaths, writeNewFile } from "../../src/host/file/outputs";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { buildXlsx } from "../../scripts/fixtures/package";
import { FIXTURES, runCli } from "../helpers";

const run = runCli;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-out-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding a copy of seed000 named `name`; returns the folder and the copy's path. */
function folderWith(name = "2024.xlsx"): { dir: string; file: string } {
  const dir = path.join(tmp, `case${++n}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, name);
  fs.copyFileSync(path.join(FIXTURES, "seed000.xlsx"), file);
  return { dir, file };
}

/** Runs the CLI and asserts that it refused with exit 2 and that every given file is unchanged. */
async function expectRefused(args: string[], untouched: string[], message: string | RegExp): Promise<void> {
  const before = untouched.map((f) => fs.readFileSync(f));
  const r = await run(args);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.out).toBe(""); // refused before any work
  untouched.forEach((f, i) => expect(fs.readFileSync(f).equals(before[i])).toBe(true));
}

describe("outputs never overwrite an input", () => {
  it("refuses --annotate through a symlink to the input's folder", async () => {
    const { dir, file } = folderWith();
    const link = path.join(tmp, `link${n}`);
    fs.symlinkSync(dir, link);
    await expectRefused(["--annotate", link, file], [file], `--annotate 的输出文件夹不能是输入文件所在的文件夹（${file}），以免覆盖原文件。`);
  });

  it("refuses --annotate into a folder holding a hard link or a symlink to an input, naming the input", async () => {
    const { file } = folderWith();
    for (const make of [fs.linkSync, fs.symlinkSync]) {
      const out = path.join(tmp, `out${++n}`);
      fs.mkdirSync(out);
      make(file, path.join(out, "2024.xlsx"));
      await expectRefused(
        ["--annotate", out, file],
        [file],
        `标注副本 不能写到输入文件「${file}」上（「${path.join(out, "2024.xlsx")}」就是这个文件），以免覆盖原文件。`,
      );
    }
  });

  it("refuses an annotated copy over the --prior workbook", async () => {
    const prior = folderWith("2024.xlsx");
    const current = folderWith("2024.xlsx");
    await expectRefused(
      ["--prior", prior.file, "--annotate", prior.dir, current.file],
      [prior.file, current.file],
      `--annotate 的输出文件夹不能是输入文件所在的文件夹（${prior.file}），以免覆盖原文件。`,
    );
  });

  it("refuses --narrative-out over the --narrative text", async () => {
    const { dir, file } = folderWith();
    const text = path.join(dir, "我的说明.txt");
    fs.writeFileSync(text, "一、收入说明\n我写的情况说明。\n");
    await expectRefused(["--narrative", text, "--narrative-out", text, file], [text, file], `--narrative-out 不能写到输入文件「${text}」上，以免覆盖原文件。`);
  });

  it("refuses --report and --narrative-out over the workbook itself, also through a symlink", async () => {
    const { dir, file } = folderWith("说明.txt"); // a workbook given any name is still an input
    const link = path.join(dir, "link.html");
    fs.symlinkSync(file, link);
    await expectRefused(["--report", link, "--", file], [file], `--report 不能写到输入文件「${file}」上（「${link}」就是这个文件），以免覆盖原文件。`);
    await expectRefused(["--narrative-out", file, "--", file], [file], `--narrative-out 不能写到输入文件「${file}」上，以免覆盖原文件。`);
  });

  it("refuses any file that was there before the run, and writes nothing else either", async () => {
    const { dir, file } = folderWith();
    const mine = path.join(dir, "情况说明.docx");
    fs.writeFileSync(mine, "科长写的说明");
    const report = path.join(dir, "报告.html");
    await expectRefused(
      ["--narrative-out", mine, "--report", report, file],
      [mine, file],
      `--narrative-out「${mine}」已存在，为免覆盖没有写入：请换一个文件名，或先移走原文件。`,
    );
    expect(fs.existsSync(report)).toBe(false);
    const out = path.join(tmp, `out${++n}`);
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "2024.xlsx"), "上次的标注副本");
    await expectRefused(["--annotate", out, file], [path.join(out, "2024.xlsx"), file], `标注副本「${path.join(out, "2024.xlsx")}」已存在，为免覆盖没有写入`);
  });

  it("gives same-named inputs distinct annotated copies", async () => {
    const a = folderWith("2024.xlsx");
    const b = folderWith("2024.xlsx");
    const c = path.join(a.dir, "2024.xlsm");
    fs.copyFileSync(a.file, c);
    const out = path.join(tmp, `out${++n}`);
    const r = await run(["--jobs", "1", "--format", "json", "--annotate", out, a.file, b.file, c]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files.map((f: { annotated: string }) => path.basename(f.annotated))).toEqual(["2024.xlsx", "2024（2）.xlsx", "2024（3）.xlsx"]);
    expect(fs.readdirSync(out).sort()).toEqual(["2024.xlsx", "2024（2）.xlsx", "2024（3）.xlsx"]);
    expect(annotatedCopyPaths(["x/A.xlsx", "y/a.XLSX", "z/a.et"], "o")).toEqual([
      path.join("o", "A.xlsx"),
      path.join("o", "a（2）.xlsx"),
      path.join("o", "a（3）.xlsx"),
    ]);
  });
});

describe("annotated copies keep what the officer wrote", () => {
  it("keeps a sheet of her own named 审核结果 and her notes, ours appended", async () => {
    const dir = path.join(tmp, `case${++n}`);
    fs.mkdirSync(dir);
    const input = path.join(dir, "采购.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, "seed001-dept.xlsx"));
    wb.getWorksheet("政府采购")!.getCell("H8").note = "科长：金额以合同为准";
    wb.addWorksheet("审核结果").getCell("A1").value = "处室自查记录";
    await wb.xlsx.writeFile(input);
    const out = path.join(tmp, `out${++n}`);
    expect((await run(["--annotate", out, input])).code).toBe(1);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "采购.xlsx"));
    expect(copy.getWorksheet("审核结果")!.getCell("A1").value).toBe("处室自查记录");
    expect(copy.getWorksheet("审核结果（2）")!.getCell("B2").value).toBe("R14-procurement");
    const texts = (copy.getWorksheet("政府采购")!.getCell("H8").note as ExcelJS.Comment).texts!.map((t) => t.text).join("");
    expect(texts).toMatch(/^科长：金额以合同为准\n—— 预决算审核助手 ——\n【错误】R14-procurement：「政府采购预算表」第8行「金属质柜类」/);
  });
});

describe("annotated copies keep what exceljs would lose", () => {
  it("dates stored as ISO text and links to other workbooks", async () => {
    const dir = path.join(tmp, `case${++n}`);
    fs.mkdirSync(dir);
    const input = path.join(dir, "外部链接.xlsx");
    const xml = `<row r="1"><c r="A1" t="d"><v>2024-12-31T00:00:00</v></c><c r="B1"><f>[1]Sheet1!A1</f><v>5</v></c><c r="C1" t="inlineStr"><is><t>截止时间</t></is></c></row>`;
    const link = `<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
    fs.writeFileSync(
      input,
      buildXlsx([{ name: "表", xml }], {
        workbookExtra: `<externalReferences><externalReference r:id="rIdX"/></externalReferences>`,
        relationships: `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>`,
        parts: {
          "xl/externalLinks/externalLink1.xml": link,
          "xl/externalLinks/_rels/externalLink1.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="上年.xlsx" TargetMode="External"/></Relationships>`,
        },
      }),
    );
    const out = path.join(tmp, `out${++n}`);
    expect((await run(["--annotate", out, input])).code).toBe(0);
    const copyFile = path.join(out, "外部链接.xlsx");
    const copy = (await readWorkbookFile(copyFile)).sheets[0];
    expect([cellAt(copy, 0, 0)?.value, cellAt(copy, 0, 0)?.text, cellAt(copy, 0, 1)?.formula]).toEqual([
      new Date(Date.UTC(2024, 11, 31)),
      "2024-12-31",
      "[1]Sheet1!A1",
    ]);
    const parts = unzipSync(fs.readFileSync(copyFile));
    expect(strFromU8(parts["xl/externalLinks/externalLink1.xml"])).toBe(link);
    expect(strFromU8(parts["xl/externalLinks/_rels/externalLink1.xml.rels"])).toContain('Target="上年.xlsx"');
    expect(strFromU8(parts["xl/workbook.xml"])).toMatch(/<\/sheets><externalReferences><externalReference r:id="rIdExternalLink1"\/><\/externalReferences>/);
    expect(strFromU8(parts["xl/_rels/workbook.xml.rels"])).toContain(
      '<Relationship Id="rIdExternalLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="/xl/externalLinks/externalLink1.xml"/>',
    );
    expect(strFromU8(parts["[Content_Types].xml"])).toContain('<Override PartName="/xl/externalLinks/externalLink1.xml"');
  });
});

describe("output paths that cannot be written", () => {
  it("--report into a folder, or below a file: a Chinese message and exit 2", async () => {
    const { dir, file } = folderWith();
    const folder = path.join(dir, "报告.html");
    fs.mkdirSync(folder);
    await expectRefused(["--report", folder, file], [file], `--report「${folder}」是一个文件夹，请给出文件名。`);
    const below = path.join(file, "报告.html");
    const r = await run(["--report", below, file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`HTML 报告没有写入：「${file}」是一个文件，不是文件夹，无法在其中写入。`);
  });

  it("--annotate into a file: a Chinese message naming the folder, not the input", async () => {
    const { dir, file } = folderWith();
    const notFolder = path.join(dir, "备注.txt");
    fs.writeFileSync(notFolder, "x");
    await expectRefused(["--annotate", notFolder, file], [file, notFolder], `--annotate 需要一个文件夹，而「${notFolder}」是一个文件。`);
  });

  it("--annotate into the kernel's process folder fails at once with a message instead of hanging", async () => {
    const { file } = folderWith();
    const r = await run(["--format", "json", "--annotate", "/proc/self/标注", file]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error).toMatch(/^无法写入「\/proc\/self\/标注」|^没有权限写入「\/proc\/self\/标注」/);
  }, 20_000);
});

describe("writeNewFile", () => {
  it("creates missing folders and never replaces a file or a dangling symlink", async () => {
    const target = path.join(tmp, "新", "文件夹", "a.txt");
    await writeNewFile(target, "一");
    expect(fs.readFileSync(target, "utf8")).toBe("一");
    await expect(writeNewFile(target, "二")).rejects.toThrow(`「${target}」已存在，为免覆盖没有写入。`);
    expect(fs.readFileSync(target, "utf8")).toBe("一");
    const dangling = path.join(tmp, "悬空链接.txt");
    fs.symlinkSync(path.join(tmp, "不存在", "b.txt"), dangling);
    await expect(writeNewFile(dangling, "三")).rejects.toThrow("已存在");
    expect(fs.existsSync(path.join(tmp, "不存在"))).toBe(false);
  });
});

describe("--", () => {
  it("ends the options: a file whose name starts with - is checked", async () => {
    const { dir } = folderWith("-数据.xlsx");
    expect((await run(["--format", "json", "-数据.xlsx"])).err).toContain("未知选项：-数据.xlsx");
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const ok = await run(["--format", "json", "--", "-数据.xlsx"]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out).files[0].path).toBe("-数据.xlsx");
    } finally {
      process.chdir(cwd);
    }
  });
});

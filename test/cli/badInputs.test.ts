/**
 * Bad inputs handed to budget-check in one folder: each gets a clear Chinese message naming the file,
 * the others are still checked, and no input file is changed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-bad-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path.join(tmp, name));
}

function table(ws: ExcelJS.Worksheet, rows: (string | number | null | ExcelJS.CellValue)[][]): void {
  ws.addRow(["部门预算支出总表"]);
  ws.mergeCells(1, 1, 1, 5);
  ws.addRow(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
  for (const r of rows) ws.addRow(r);
}

beforeAll(async () => {
  fs.writeFileSync(path.join(tmp, "01不是工作簿.xlsx"), "这是一段文字，不是工作簿");
  fs.writeFileSync(path.join(tmp, "02截断.xlsx"), fs.readFileSync(path.join(FIXTURES, "seed000.xlsx")).subarray(0, 5000));
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
  fs.writeFileSync(path.join(tmp, "03旧版.xls"), cfb);
  fs.writeFileSync(path.join(tmp, "04WPS.et"), cfb);
  fs.writeFileSync(path.join(tmp, "05加密.xlsx"), Buffer.concat([cfb, Buffer.from("EncryptionInfo", "utf16le")]));
  await write("06空工作簿.xlsx", (wb) => void wb.addWorksheet("Sheet1"));
  await write("07合并整个表头.xlsx", (wb) => {
    const ws = wb.addWorksheet("03支出总表");
    table(ws, [["", "合计", 10, 4, 6]]);
    ws.mergeCells("A2:E2");
  });
  await write("08到处是错误值.xlsx", (wb) =>
    table(wb.addWorksheet("03支出总表"), [["", "合计", { error: "#REF!" }, { error: "#VALUE!" }, { error: "#N/A" }]] as never),
  );
  await write("09公式无缓存值.xlsx", (wb) => table(wb.addWorksheet("03支出总表"), [["", "合计", { formula: "D3+E3" }, 4, 6]] as never));
  await write("10金额栏是文字.xlsx", (wb) => table(wb.addWorksheet("03支出总表"), [["", "合计", "十元", 4, 6]]));
  await write("11负数和括号.xlsx", (wb) => table(wb.addWorksheet("03支出总表"), [["", "合计", -10, "(4.00)", -6]]));
  await write("12隐藏工作表.xlsx", (wb) => {
    const ws = wb.addWorksheet("03支出总表", { state: "hidden" });
    table(ws, [["", "合计", 10, 4, 6]]);
  });
  // a zip whose central directory declares gigabytes: a zip bomb
  const bomb = Buffer.from(fs.readFileSync(path.join(FIXTURES, "seed003.xlsx")));
  for (let i = 0; i + 46 <= bomb.length; i++) if (bomb.readUInt32LE(i) === 0x02014b50) bomb.writeUInt32LE(0x7fffffff, i + 24);
  fs.writeFileSync(path.join(tmp, "13压缩炸弹.xlsx"), bomb);
  fs.copyFileSync(path.join(FIXTURES, "seed000.xlsx"), path.join(tmp, "14正常.xlsx"));
  // a Word document renamed .xlsx (it was called an empty workbook)
  const docx = new JSZip();
  docx.file("[Content_Types].xml", "<Types/>");
  docx.file("word/document.xml", "<w:document/>");
  fs.writeFileSync(path.join(tmp, "15改名的Word文档.xlsx"), await docx.generateAsync({ type: "nodebuffer" }));
});

describe("bad inputs in a folder", () => {
  it("each gets its own message; the rest are checked; nothing is written", async () => {
    const before = new Map(fs.readdirSync(tmp).map((f) => [f, fs.readFileSync(path.join(tmp, f))]));
    let out = "";
    let err = "";
    const code = await main(["--format", "json", "--jobs", "2", tmp], { out: (s) => (out += s), err: (s) => (err += s), tty: false });
    expect(code).toBe(2);
    const files = JSON.parse(out).files as {
      path: string;
      error?: string;
      findings?: { ruleId: string; level: string; message: string }[];
      tables?: unknown[];
      unrecognized?: { reason: string }[];
    }[];
    const byName = new Map(files.map((f) => [path.basename(f.path), f]));
    const errorOf = (n: string) => byName.get(n)!.error;
    expect(errorOf("01不是工作簿.xlsx")).toBe("文件「01不是工作簿.xlsx」不是 Excel 工作簿（.xlsx），无法读取。");
    expect(errorOf("02截断.xlsx")).toBe("文件「02截断.xlsx」已损坏或不完整（压缩结构无法读取，可能下载未完成），无法读取。");
    expect(errorOf("03旧版.xls")).toBe(
      "文件「03旧版.xls」是旧版 .xls 格式，但其内容无法读取（可能已损坏，或是本工具不支持的版本）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
    );
    expect(errorOf("04WPS.et")).toBe(
      "文件「04WPS.et」是WPS 表格 .et 格式，但其内容无法读取（可能已损坏，或是本工具不支持的版本）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
    );
    expect(errorOf("05加密.xlsx")).toMatch(/^文件「05加密.xlsx」设有打开密码，无法读取。/);
    expect(errorOf("06空工作簿.xlsx")).toBe("文件「06空工作簿.xlsx」是空工作簿：没有任何含数据的工作表。");
    expect(errorOf("15改名的Word文档.xlsx")).toBe("文件「15改名的Word文档.xlsx」是Word 文档（.docx），不是 Excel 工作簿，无法读取。");
    expect(errorOf("13压缩炸弹.xlsx")).toMatch(/^文件「13压缩炸弹.xlsx」解压后达 \d+ MB，超过 1024 MB 的上限；可能是损坏或恶意构造的文件，不予读取。$/);
    const messages = (n: string) => byName.get(n)!.findings!.map((f) => `${f.ruleId} ${f.level}: ${f.message}`);
    // one merged cell over the whole header leaves no column headers: said so, not guessed
    expect(byName.get("07合并整个表头.xlsx")!.unrecognized!.map((u) => u.reason)).toEqual(["找到标题「部门预算支出总表」，但表头中没有金额列"]);
    expect(messages("08到处是错误值.xlsx").filter((m) => m.startsWith("X1"))).toEqual([
      "X1-cell-values error: 「支出总表」C3 是错误值 #REF!，该金额无法读取。",
      "X1-cell-values error: 「支出总表」D3 是错误值 #VALUE!，该金额无法读取。",
      "X1-cell-values error: 「支出总表」E3 是错误值 #N/A，该金额无法读取。",
    ]);
    expect(messages("09公式无缓存值.xlsx")).toContain(
      "X1-cell-values warning: 「支出总表」C3 的公式 =D3+E3 没有计算结果（文件由程序生成后未在 Excel 中计算），该金额无法读取；请在 Excel 中打开、重新计算并保存。",
    );
    expect(messages("10金额栏是文字.xlsx")).toContain("X1-cell-values warning: 「支出总表」C3 的金额栏中是文字「十元」，未计入任何合计。");
    expect(messages("11负数和括号.xlsx").filter((m) => m.includes("负数"))).toEqual([
      "X1-cell-values warning: 「支出总表」C3 的金额为负数 -10；预决算公开表中的金额一般不为负，请核实是否填错。",
      "X1-cell-values warning: 「支出总表」D3 的金额为负数 (4.00)；预决算公开表中的金额一般不为负，请核实是否填错。",
      "X1-cell-values warning: 「支出总表」E3 的金额为负数 -6；预决算公开表中的金额一般不为负，请核实是否填错。",
    ]);
    expect(messages("11负数和括号.xlsx").some((m) => m.startsWith("R3-expense-row"))).toBe(false); // −10 = −4 + −6 holds
    expect(byName.get("12隐藏工作表.xlsx")!.tables).toHaveLength(1);
    expect(byName.get("14正常.xlsx")!.error).toBeUndefined();
    expect(err).toContain("8 个文件无法读取");
    for (const [f, bytes] of before) expect(fs.readFileSync(path.join(tmp, f)).equals(bytes)).toBe(true);
    expect(fs.readdirSync(tmp).sort()).toEqual([...before.keys()].sort());
  });
});

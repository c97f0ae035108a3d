import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookBuffer, readWorkbookFile, sniffFile, WorkbookReadError } from "../../src/host/file/readWorkbook";
import { cellAt, isCellError } from "../../src/grid/workbook";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-read-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small real workbook. */
function sample(): Promise<Buffer> {
  return xlsx((wb) => {
    const ws = wb.addWorksheet("表");
    for (let r = 1; r <= 50; r++) ws.addRow([`项目${r}`, r * 1.5]);
  });
}

/** The same zip with every entry's declared unzipped size set to 512 MB: what a zip bomb looks like. */
function inflateDeclaredSizes(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i + 46 <= out.length; i++) if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(512 * 1024 * 1024, i + 24);
  return out;
}

/** The same zip declaring 224 MB for its worksheet: what a sheet of a million rows looks like. */
function inflateSheet(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const name = out.toString("utf8", i + 46, i + 46 + out.readUInt16LE(i + 28));
    if (/^xl\/worksheets\//.test(name)) out.writeUInt32LE(224 * 1024 * 1024 + 1000, i + 24);
  }
  return out;
}

/** A minimal compound-file header; with the EncryptionInfo stream name when `encrypted`. */
function cfb(encrypted: boolean): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1024);
  if (encrypted) Buffer.from("EncryptionInfo", "utf16le").copy(body, 100);
  else Buffer.from("Workbook", "utf16le").copy(body, 100);
  return Buffer.concat([head, body]);
}

describe("file host: reading .xlsx into a snapshot", () => {
  it("keeps shown text, cached formula values, number formats, merges and hidden rows", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("01收支总表");
      ws.getCell("A1").value = "单位预算收支总表";
      ws.mergeCells("A1:C1");
      ws.getCell("B3").value = 805.6449;
      ws.getCell("B3").numFmt = "#,##0.00";
      ws.getCell("C3").value = { formula: "SUM(B3:B3)", result: 805.6449 } as ExcelJS.CellFormulaValue;
      ws.getCell("C3").numFmt = "0.00";
      ws.getCell("D3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("E3").value = "1,234.50";
      ws.getRow(4).hidden = true;
      ws.getCell("A4").value = "隐藏行";
      ws.getColumn(6).hidden = true;
      ws.getCell("F3").value = 1;
    });
    const wb = await readWorkbookBuffer(buf, "样例.xlsx");
    const s = wb.sheets[0];
    expect(s.name).toBe("01收支总表");
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(cellAt(s, 2, 1)).toEqual({ value: 805.6449, text: "805.64", numFmt: "#,##0.00" });
    expect(cellAt(s, 2, 2)).toEqual({ value: 805.6449, text: "805.64", numFmt: "0.00", formula: "SUM(B3:B3)" });
    const err = cellAt(s, 2, 3)!;
    expect(isCellError(err.value)).toBe(true);
    expect(err.text).toBe("#REF!");
    expect(cellAt(s, 2, 4)).toEqual({ value: "1,234.50", text: "1,234.50" });
    expect(s.hiddenRows).toEqual([3]);
    expect(s.hiddenCols).toEqual([5]);
  });

  it("places each cell by its offset from the sheet's first filled row and column", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("偏移");
      ws.getCell("D2").numFmt = "0.00"; // styled but empty: no content, so it does not widen the bounds
      ws.getCell("C5").value = "标题";
      ws.mergeCells("C5:E5"); // D5 and E5 are covered by the merge
      ws.getCell("D7").value = { formula: "1+1" } as ExcelJS.CellFormulaValue; // a formula without its result still counts
      ws.getCell("F8").value = 2.5;
      ws.getCell("G9").value = { richText: [{ text: "富" }, { text: "文本" }] };
    });
    const s = (await readWorkbookBuffer(buf, "偏移.xlsx")).sheets[0];
    expect([s.top, s.left]).toEqual([4, 2]);
    expect(s.cells.map((r) => r.map((c) => (c ? c.text || `=${c.formula}` : null)))).toEqual([
      ["标题", null, null, null, null],
      [null, null, null, null, null],
      [null, "=1+1", null, null, null],
      [null, null, null, "2.5", null],
      [null, null, null, null, "富文本"],
    ]);
  });

  it("a missing file gets a Chinese message naming it", async () => {
    await expect(readWorkbookFile(path.join(tmp, "无此文件.xlsx"))).rejects.toThrow(/^无法打开文件「.*无此文件.xlsx」：文件不存在。$/);
  });

  it("reads a protected sheet without changing it and says it is protected", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("受保护");
      ws.getCell("A1").value = 1;
      void ws.protect("secret", {});
    });
    const wb = await readWorkbookBuffer(buf, "p.xlsx");
    expect(wb.sheets[0].protected).toBe(true);
    expect(cellAt(wb.sheets[0], 0, 0)?.text).toBe("1");
  });

  it("tells what a file is before parsing it", () => {
    expect(sniffFile(Buffer.alloc(0))).toBe("empty");
    expect(sniffFile(Buffer.from("PK\u0003\u0004rest"))).toBe("xlsx");
    expect(sniffFile(cfb(true))).toBe("encrypted");
    expect(sniffFile(cfb(false))).toBe("xls");
    expect(sniffFile(Buffer.from("年度,金额\n2024,1"))).toBe("other");
  });

  const bad: [string, () => Promise<Buffer>, RegExp][] = [
    ["空文件.xlsx", async () => Buffer.alloc(0), /^文件「空文件.xlsx」是空文件（0 字节），不是 Excel 工作簿。$/],
    ["说明.xlsx", async () => Buffer.from("这不是工作簿"), /^文件「说明.xlsx」不是 Excel 工作簿（.xlsx），无法读取。$/],
    ["加密.xlsx", async () => cfb(true), /^文件「加密.xlsx」设有打开密码，无法读取。/],
    [
      "旧版.xls",
      async () => cfb(false),
      /^文件「旧版.xls」是旧版 .xls 格式，但其内容无法读取（可能已损坏，或是本工具不支持的版本）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查。$/,
    ],
    [
      "损坏.xlsx",
      async () => Buffer.from("PK\u0003\u0004 not really a zip"),
      /^文件「损坏.xlsx」已损坏或不完整（压缩结构无法读取，可能下载未完成），无法读取。$/,
    ],
    ["截断.xlsx", async () => (await sample()).subarray(0, 3000), /^文件「截断.xlsx」已损坏或不完整/],
    [
      "炸弹.xlsx",
      async () => inflateDeclaredSizes(await sample()),
      /^文件「炸弹.xlsx」解压后达 \d+ MB，超过 1024 MB 的上限；可能是损坏或恶意构造的文件，不予读取。$/,
    ],
    [
      "百万行.xlsx",
      async () => inflateSheet(await sample()),
      /^文件「百万行.xlsx」中有一张工作表解压后达 224 MB（数十万行以上），超过一次读取 100 MB 的上限；/,
    ],
    ["导出.csv", async () => Buffer.from("项目,金额\n合计,1.00\n"), /^文件「导出.csv」是 CSV 文本文件，不是 Excel 工作簿/],
    ["wps.et", async () => cfb(false), /^文件「wps.et」是WPS 表格 .et 格式，但其内容无法读取/],
    ["空工作簿.xlsx", () => xlsx((wb) => void wb.addWorksheet("Sheet1")), /^文件「空工作簿.xlsx」是空工作簿：没有任何含数据的工作表。$/],
  ];
  it.each(bad)("%s gives a clear Chinese error naming the file", async (name, make, message) => {
    const file = path.join(tmp, name);
    const bytes = await make();
    fs.writeFileSync(file, bytes);
    await expect(readWorkbookFile(file)).rejects.toThrow(message);
    await expect(readWorkbookFile(file)).rejects.toBeInstanceOf(WorkbookReadError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true); // the user's file is untouched
  });

  it("marks a formula saved without its result", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("表");
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = { formula: "A1*2" } as ExcelJS.CellFormulaValue;
    });
    const s = (await readWorkbookBuffer(buf, "公式.xlsx")).sheets[0];
    expect(cellAt(s, 1, 0)).toEqual({ value: null, text: "", formula: "A1*2", uncalculated: true });
  });

  it("names a missing file and a folder", async () => {
    await expect(readWorkbookFile(path.join(tmp, "不存在.xlsx"))).rejects.toThrow(/无法打开文件「.*不存在.xlsx」：文件不存在。/);
    await expect(readWorkbookFile(tmp)).rejects.toThrow(/这是一个文件夹/);
  });
});

describe("number formats with conditions", () => {
  it("shows a positive amount under [Blue][<0]-0.00;[Green]0.00 as positive", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("表");
      ws.addRow(["收入", 5056.26, -12.5]);
      ws.getCell("B1").numFmt = "[Blue][<0]-0.00;[Green]0.00";
      ws.getCell("C1").numFmt = "[Blue][<0]-0.00;[Green]0.00";
    });
    const wb = await readWorkbookBuffer(buf, "条件格式.xlsx");
    expect(cellAt(wb.sheets[0], 0, 1)?.text).toBe("5056.26");
    expect(cellAt(wb.sheets[0], 0, 2)?.text).toBe("-12.50");
  });
});

describe("hidden columns", () => {
  it("reads them from the sheet's column definitions, and a cell in the last column costs no time", async () => {
    const buf = await xlsx((wb) => {
      const ws = wb.addWorksheet("表");
      ws.addRow(["项目", 1, 2, 3]);
      ws.getColumn(3).hidden = true;
      ws.getCell("XFD20").value = "边角";
    });
    const wb = await readWorkbookBuffer(buf, "最后一列.xlsx");
    expect(wb.sheets[0].hiddenCols).toEqual([2]);
    expect(cellAt(wb.sheets[0], 19, 16383)?.text).toBe("边角");
  }, 120_000); // (the loop that recounted every row for each of 16,384 columns took minutes)
});

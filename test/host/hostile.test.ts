/**
 * The streaming reader on hand-built packages, hostile or merely unusual: each gives a correct snapshot
 * or a Chinese message naming the file, never library text, an abort or a hang; and what the reader
 * repaired is said in the CLI's output.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8 } from "fflate";
import { LIMITS, readWorkbookBuffer, WorkbookReadError } from "../../src/host/file/readWorkbook";
import { cellAt, textAt } from "../../src/grid/workbook";
import { runCli } from "../helpers";
import { asZip64, buildXlsx, sheetXml, withDeclaredSize } from "../../scripts/fixtures/package";

const ROWS = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>7</v></c></row>`;
const STRINGS = ["项目", "合计"];

async function read(buf: Buffer, name = "测试.xlsx") {
  return readWorkbookBuffer(buf, name);
}

async function refusal(buf: Buffer, name = "测试.xlsx"): Promise<string> {
  const e = await read(buf, name).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookReadError);
  return (e as Error).message;
}

describe("the streaming reader on unusual and hostile packages", () => {
  it("reads a plain hand-built package", async () => {
    const s = (await read(buildXlsx([{ name: "表", xml: ROWS }], { sharedStrings: STRINGS }))).sheets[0];
    expect([textAt(s, 0, 0), cellAt(s, 0, 1)?.value, textAt(s, 1, 0), cellAt(s, 1, 1)?.value]).toEqual(["项目", 12.5, "合计", 7]);
  });

  it("cells without r attributes follow one another; rows without r follow the row before", async () => {
    const xml = `<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c></row><row><c r="C2"><v>2</v></c><c><v>3</v></c></row>`;
    const s = (await read(buildXlsx([{ name: "表", xml }]))).sheets[0];
    expect([textAt(s, 0, 0), cellAt(s, 0, 1)?.value, cellAt(s, 1, 2)?.value, cellAt(s, 1, 3)?.value]).toEqual(["甲", 1, 2, 3]);
  });

  it("strict OOXML with prefixed elements reads like transitional", async () => {
    const strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${strict}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>严格</x:t></x:is></x:c><x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`;
    const s = (await read(buildXlsx([{ name: "表", xml }]))).sheets[0];
    expect([textAt(s, 0, 0), cellAt(s, 0, 1)?.value, s.merges]).toEqual(["严格", 5, [{ top: 0, left: 1, bottom: 0, right: 2 }]]);
  });

  it('ISO dates (t="d"), date formats, booleans, errors, rich and phonetic text', async () => {
    const xml =
      `<row r="2"><c r="A2" t="d"><v>2024-12-30</v></c><c r="B2" t="d"><v>2024-12-29T12:00:00+08:00</v></c></row>` +
      `<row r="1"><c r="A1" t="d"><v>2024-12-31T00:00:00</v></c><c r="B1" s="1"><v>45657</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#DIV/0!</v></c>` +
      `<c r="E1" t="inlineStr"><is><r><t>部门</t></r><r><t>预算</t></r><rPh sb="0" eb="1"><t>ぶ</t></rPh></is></c></row>`;
    const s = (await read(buildXlsx([{ name: "表", xml }], { formats: ["yyyy-mm-dd"] }))).sheets[0];
    expect(s.cells[0].map((c) => c?.text)).toEqual(["2024-12-31", "2024-12-31", "TRUE", "#DIV/0!", "部门预算"]);
    // a date alone, and a date-time with its zone (12:00 in Beijing is 04:00 UTC the same day)
    expect(s.cells[1].slice(0, 2).map((c) => [c?.value instanceof Date, c?.text])).toEqual([
      [true, "2024-12-30"],
      [true, "2024-12-29"],
    ]);
    expect(cellAt(s, 0, 0)?.value).toBeInstanceOf(Date);
  });

  it("dates of the 1904 date system (Mac workbooks)", async () => {
    const xml = `<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44195</v></c></row>`;
    const buf = buildXlsx([{ name: "表", xml }], { formats: ["yyyy-mm-dd"], workbookExtra: `<workbookPr date1904="1"/>` });
    expect((await read(buf)).sheets[0].cells[0].map((c) => c?.text)).toEqual(["1904-01-01", "2024-12-31"]);
  });

  it("a shared formula reads, in each cell that reuses it, moved to that cell", async () => {
    const xml =
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+B1*$A$1</f><v>3</v></c></row>` +
      `<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="C2"><f t="shared" si="0"/><v>9</v></c></row>` +
      `<row r="3"><c r="C3"><f t="shared" si="0"/><v>0</v></c></row>`;
    const s = (await read(buildXlsx([{ name: "表", xml }]))).sheets[0];
    expect([0, 1, 2].map((r) => cellAt(s, r, 2)?.formula)).toEqual(["A1+B1*$A$1", "A2+B2*$A$1", "A3+B3*$A$1"]);
    expect(cellAt(s, 1, 2)?.value).toBe(9);
  });

  it("a byte-order mark before the XML declaration is accepted", async () => {
    const xml = "\ufeff" + sheetXml(ROWS);
    expect(textAt((await read(buildXlsx([{ name: "表", xml }], { sharedStrings: STRINGS }))).sheets[0], 1, 0)).toBe("合计");
  });

  it("hidden and very hidden sheets, hidden rows and columns, protection", async () => {
    const xml = sheetXml(`<row r="1" hidden="1"><c r="A1"><v>1</v></c></row>`, `<sheetProtection sheet="1"/>`).replace(
      "<sheetData>",
      `<cols><col min="2" max="3" hidden="1"/></cols><sheetData>`,
    );
    const wb = await read(
      buildXlsx([
        { name: "甲", xml },
        { name: "乙", xml: ROWS.replace(/t="s"/g, ""), state: "veryHidden" },
      ]),
    );
    expect(wb.sheets.map((s) => [s.name, s.hidden, s.protected, s.hiddenRows, s.hiddenCols])).toEqual([
      ["甲", false, true, [0], [1, 2]],
      ["乙", true, false, [], []],
    ]);
  });

  it("overlapping merges: the later one is left out and the CLI says so", async () => {
    const xml = sheetXml(ROWS, `<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="A1:ZZZZ9"/></mergeCells>`);
    const wb = await read(buildXlsx([{ name: "表", xml }], { sharedStrings: STRINGS }));
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(wb.notes).toEqual([
      "工作表「表」的合并单元格「A1:ZZZZ9」不是有效的区域，已忽略。",
      "工作表「表」的合并单元格 B2:C3 与 A1:B2 重叠，已忽略前者（Excel 打开此文件时也会修复）。",
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-hostile-"));
    fs.writeFileSync(path.join(dir, "重叠.xlsx"), buildXlsx([{ name: "表", xml }], { sharedStrings: STRINGS }));
    const r = await runCli([path.join(dir, "重叠.xlsx")]);
    expect(r.out).toContain("  读取时已处理：工作表「表」的合并单元格 B2:C3 与 A1:B2 重叠，已忽略前者（Excel 打开此文件时也会修复）。");
  });

  it("a merge over the rest of the sheet (A10:XFD1048576) is read at once and covers no cell", async () => {
    const xml = sheetXml(ROWS, `<mergeCells><mergeCell ref="A10:XFD1048576"/></mergeCells>`);
    const s = (await read(buildXlsx([{ name: "表", xml }], { sharedStrings: STRINGS }))).sheets[0];
    expect([s.merges, s.cells.length]).toEqual([[{ top: 9, left: 0, bottom: 1048575, right: 16383 }], 2]);
  });

  it("a defined name over a whole sheet and external-link parts are not materialized", async () => {
    const buf = buildXlsx([{ name: "表", xml: ROWS }], {
      sharedStrings: STRINGS,
      workbookExtra: `<externalReferences><externalReference r:id="rIdX"/></externalReferences><definedNames><definedName name="全表">表!$A$1:$XFD$1048576</definedName><definedName name="外部">[1]Sheet1!$A:$XFD</definedName></definedNames>`,
      relationships: `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>`,
      parts: {
        "xl/externalLinks/externalLink1.xml": `<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook><sheetNames><sheetName val="Sheet1"/></sheetNames><definedNames><definedName name="x" refersTo="Sheet1!$A$1:$XFD$1048576"/></definedNames></externalBook></externalLink>`,
      },
    });
    expect(textAt((await read(buf)).sheets[0], 1, 0)).toBe("合计");
  });

  it("one stray cell at XFD1048576 beside a table: refused with where the used range runs", async () => {
    const xml = ROWS + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`;
    expect(await refusal(buildXlsx([{ name: "表", xml }], { sharedStrings: STRINGS }))).toBe(
      "文件「测试.xlsx」的工作表「表」的数据范围从 A1 到 XFD1048576，超过 2000 万个单元格的上限；通常是远处有零星的内容（如一个空格或数字），请删除多余的行和列后再检查。",
    );
  });

  it("more non-blank cells than the limit: refused as soon as the limit is passed", async () => {
    const saved = LIMITS.cells;
    LIMITS.cells = 3;
    try {
      expect(await refusal(buildXlsx([{ name: "表", xml: ROWS }], { sharedStrings: STRINGS }))).toBe(
        "文件「测试.xlsx」的非空单元格超过 0.0003 万个的上限，不予读取；公开表不会有这么多数据，请拆分文件后再检查。",
      );
    } finally {
      LIMITS.cells = saved;
    }
  });

  it.each([
    ["an invalid cell reference", `<row r="1"><c r="1A"><v>1</v></c></row>`, "文件「测试.xlsx」已损坏：工作表「表」中有无效的单元格地址「1A」，无法读取。"],
    [
      "a shared string that does not exist",
      `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`,
      "文件「测试.xlsx」已损坏：工作表「表」的 A1 引用了不存在的共享字符串（第 7 项），无法读取。",
    ],
    ["a row number out of range", `<row r="1048577"><c><v>1</v></c></row>`, "文件「测试.xlsx」已损坏：工作表「表」中有无效的行号「1048577」，无法读取。"],
    ["malformed XML", `<row r="1"><c r="A1"><v>1</v></row>`, "文件「测试.xlsx」已损坏：其中的「xl/worksheets/sheet1.xml」不是有效的 XML，无法读取。"],
  ])("%s: a Chinese message, no library text", async (_what, xml, message) => {
    expect(await refusal(buildXlsx([{ name: "表", xml }], { sharedStrings: STRINGS }))).toBe(message);
  });

  it("a part that unzips to more than its declared size is stopped there", async () => {
    const buf = withDeclaredSize(buildXlsx([{ name: "表", xml: ROWS }], { sharedStrings: STRINGS }), "xl/worksheets/sheet1.xml", 100);
    expect(await refusal(buf)).toBe("文件「测试.xlsx」已损坏：其中的部件解压后的大小与文件所声明的不符，可能是损坏或恶意构造的文件，不予读取。");
  });

  it("a sheet part named with a leading slash is held to the sheet size limit", async () => {
    const buf = withDeclaredSize(buildXlsx([{ name: "表", xml: ROWS }], { sharedStrings: STRINGS }), "xl/worksheets/sheet1.xml", 300 * 1024 * 1024);
    expect(await refusal(buf)).toMatch(/^文件「测试.xlsx」中有一张工作表解压后达 300 MB（数十万行以上），超过一次读取 100 MB 的上限；/);
  });

  it("a ZIP64 package, and one of more than 65,535 entries whose last declares a huge sheet", async () => {
    const plain = buildXlsx([{ name: "表", xml: ROWS }], { sharedStrings: STRINGS });
    expect(textAt((await read(asZip64(plain))).sheets[0], 1, 0)).toBe("合计");
    const padding = Object.fromEntries(Array.from({ length: 66_000 }, (_, i) => [`pad/${i}.txt`, strToU8("")]));
    const many = buildXlsx([{ name: "表", xml: ROWS }], { sharedStrings: STRINGS, parts: { ...padding, "xl/worksheets/sheet9.xml": sheetXml("") } });
    const huge = asZip64(withDeclaredSize(many, "xl/worksheets/sheet9.xml", 500 * 1024 * 1024), 66_000 + 9);
    expect(await refusal(huge)).toMatch(/^文件「测试.xlsx」中有一张工作表解压后达 500 MB/);
  }, 60_000);
});

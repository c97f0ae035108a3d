/** budget-check --narrative: a 情况说明 written in Word or as text, checked against the workbook's tables. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import JSZip from "jszip";
import { readNarrativeFile } from "../../src/host/file/readNarrative";
import { FIXTURES, runCli } from "../helpers";
import { withDeclaredSize } from "../../scripts/fixtures/package";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-narr-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const seed003 = JSON.parse(fs.readFileSync(path.join(FIXTURES, "source", "seed003.json"), "utf8")).workbooks[0].narrative as string[];

/** A minimal Word document with one paragraph per entry. */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join("")}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

const run = runCli;

describe("--narrative <file>", () => {
  it("reads paragraphs from .txt and .docx alike", async () => {
    fs.writeFileSync(path.join(tmp, "说明.txt"), "\ufeff第一段\r\n\r\n第二段\n");
    fs.writeFileSync(path.join(tmp, "说明.docx"), await docx(["第一段", "", "第二段"]));
    for (const f of ["说明.txt", "说明.docx"]) {
      expect((await readNarrativeFile(path.join(tmp, f))).map((p) => [p.text, p.cell.sheet, p.cell.address])).toEqual([
        ["第一段", f, "第1段"],
        ["第二段", f, "第2段"],
      ]);
    }
  });

  it("checks a Word 情况说明 against the tables and names the paragraph", async () => {
    const file = path.join(tmp, "石龙区情况说明.docx");
    fs.writeFileSync(file, await docx(seed003));
    const r = await run(["--format", "json", "--narrative", file, path.join(FIXTURES, "seed003.xlsx")]);
    const n1 = JSON.parse(r.out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "N1-narrative");
    expect(n1).toHaveLength(1);
    expect(n1[0].level).toBe("error");
    expect(n1[0].cells[0]).toEqual({ sheet: "石龙区情况说明.docx", address: "第31段", side: "left" });
    expect(n1[0].message).toContain("165.42 元");
    // the same mistake in the workbook's own 情况说明 carries a fix; in a Word file there is no cell to write
    expect(n1[0].fix).toBeUndefined();
    expect(r.out).not.toContain('"fix"');
  });

  it("raises nothing on the corrected text", async () => {
    const fixed = seed003.map((p) => p.replace("165.42 元", "165.42 万元"));
    const file = path.join(tmp, "改正后.txt");
    fs.writeFileSync(file, fixed.join("\n"));
    const r = await run(["--format", "json", "--narrative", file, path.join(FIXTURES, "seed003.xlsx")]);
    expect(JSON.parse(r.out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "N1-narrative")).toEqual([]);
  });

  it("explains a file it cannot use", async () => {
    const doc = path.join(tmp, "旧版.doc");
    fs.writeFileSync(doc, "x");
    const r = await run(["--format", "json", "--narrative", doc, path.join(FIXTURES, "seed003.xlsx")]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error).toBe("情况说明文件「旧版.doc」的格式不受支持：请提供 .docx 或 .txt 文件（旧版 .doc 请先另存为 .docx）。");
    expect((await run(["--narrative", doc, FIXTURES])).err).toContain("--narrative 只能和一个工作簿一起使用");
  });

  it("refuses a .docx that unzips to more than the limit, whether it declares it or lies about it", async () => {
    const body = new Uint8Array(70 * 1024 * 1024).fill(0x61); // 70 MB of “a”: a zip bomb's document.xml
    const honest = Buffer.from(zipSync({ "word/document.xml": body, "_rels/.rels": strToU8("<Relationships/>") }));
    const lying = withDeclaredSize(honest, "word/document.xml", 1000);
    const message = "情况说明文件「炸弹.docx」解压后超过 64 MB，不像是一份情况说明（可能是损坏或恶意构造的文件），不予读取。";
    for (const bytes of [honest, lying]) {
      const file = path.join(tmp, "炸弹.docx");
      fs.writeFileSync(file, bytes);
      await expect(readNarrativeFile(file)).rejects.toThrow(message);
      fs.rmSync(file);
    }
  });
});

describe("--narrative-out <file>", () => {
  it("writes the generated 情况说明 as Markdown, text and Word, and puts the sections in the JSON", async () => {
    const md = path.join(tmp, "写出.md");
    const r = await run(["--format", "json", "--narrative-out", md, path.join(FIXTURES, "seed000.xlsx")]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(md, "utf8");
    expect(text.split("\n\n").slice(0, 4)).toEqual([
      "## 一、收入说明",
      "2024年预算收入9064.36万元，其中：一般公共预算收入9064.36万元。",
      "## 二、支出说明",
      expect.stringMatching(/^2024年支出预算9064.36万元，其中基本支出805.64万元/),
    ]);
    expect(text).toContain("【说明：缺少2023年预算数，未写比上年增减情况");
    const sections = JSON.parse(r.out).files[0].narrative.sections;
    expect(sections.map((s: { id: string }) => s.id)).toEqual(["income", "expense", "change", "operating", "threePublic", "procurement", "assets"]);
    const docxFile = path.join(tmp, "写出.docx"); // a new name: --narrative-out never replaces a file
    expect((await run(["--narrative-out", docxFile, path.join(FIXTURES, "seed000.xlsx")])).code).toBe(0);
    const back = (await readNarrativeFile(docxFile)).map((p) => p.text);
    const txt = path.join(tmp, "写出.txt");
    expect((await run(["--narrative-out", txt, path.join(FIXTURES, "seed000.xlsx")])).code).toBe(0);
    expect(back).toEqual(fs.readFileSync(txt, "utf8").trim().split("\n"));
    expect(back[0]).toBe("一、收入说明");
  });

  it("checks its own output without a finding", async () => {
    const txt = path.join(tmp, "生成.txt");
    await run(["--narrative-out", txt, path.join(FIXTURES, "seed000.xlsx")]);
    const r = await run(["--format", "json", "--narrative", txt, path.join(FIXTURES, "seed000.xlsx")]);
    expect(JSON.parse(r.out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "N1-narrative")).toEqual([]);
  });
});

describe("--narrative-out on a 决算 workbook", () => {
  it("writes the 决算 text, which then passes the narrative check", async () => {
    const txt = path.join(tmp, "决算说明.txt");
    expect((await run(["--narrative-out", txt, path.join(FIXTURES, "seed004.xlsx")])).code).toBe(1); // seed004 has a table error
    expect(fs.readFileSync(txt, "utf8")).toContain("基本支出1,367.05万元，占比27.04%；");
    const r = await run(["--format", "json", "--narrative", txt, path.join(FIXTURES, "seed004.xlsx")]);
    expect(JSON.parse(r.out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "N1-narrative")).toEqual([]);
  });
});

describe("--prior <file>", () => {
  it("writes the comparison with last year's figures from a JSON file, keeping the reasons of the workbook's 情况说明", async () => {
    const prior = path.join(tmp, "2023.json");
    fs.writeFileSync(prior, JSON.stringify({ year: 2023, total: "8378.87", basic: "799.60", project: "7579.27", threePublic: { 合计: "3.67" } }));
    const out = path.join(tmp, "含上年.txt");
    await run(["--prior", prior, "--narrative-out", out, path.join(FIXTURES, "seed000.xlsx")]);
    const text = fs.readFileSync(out, "utf8");
    // the reasons come from the published 情况说明 on the workbook's own sheet
    expect(text).toContain(
      "2024年预算收支安排9064.36万元，较2023年预算增加685.49万元，其中：基本支出增加6.04万元，主要为人员工资调整；项目支出增加679.45万元，主要是城乡居民基本医疗保险标准提高。",
    );
    expect(text).toContain("公务接待费0.61万元。与2023年相比减少0.06万元，主要原因是【请填写增减原因】。");
    expect(text).not.toContain("缺少2023年预算数");
  });

  it("keeps the reasons written in the old 情况说明 given with --narrative when the numbers change", async () => {
    const prior = path.join(tmp, "2023-first.json");
    fs.writeFileSync(
      prior,
      JSON.stringify({
        year: 2023,
        total: "8378.87",
        basic: "799.60",
        project: "7579.27",
        threePublic: { 因公出国: "0.03", 公务用车: "3.00", 公务接待: "0.64" },
      }),
    );
    const old = path.join(tmp, "旧说明.txt");
    await run(["--prior", prior, "--narrative-out", old, path.join(FIXTURES, "seed000.xlsx")]);
    const edited = fs
      .readFileSync(old, "utf8")
      .replace("主要为人员工资调整", "主要为新增编制人员")
      .replace("【请填写主要用途】", "办公费、水电费")
      .replace("与2023年相比减少0.03万元，主要原因是【请填写增减原因】", "与2023年相比减少0.03万元，主要原因是无出国计划");
    fs.writeFileSync(old, edited);
    const revised = path.join(tmp, "2023-revised.json");
    fs.writeFileSync(
      revised,
      JSON.stringify({
        year: 2023,
        total: "9000.00",
        basic: "800.00",
        project: "8200.00",
        threePublic: { 因公出国: "0.05", 公务用车: "3.00", 公务接待: "0.64" },
      }),
    );
    const out = path.join(tmp, "新说明.txt");
    await run(["--prior", revised, "--narrative", old, "--narrative-out", out, path.join(FIXTURES, "seed000.xlsx")]);
    const text = fs.readFileSync(out, "utf8");
    expect(text).toContain(
      "2024年预算收支安排9064.36万元，较2023年预算增加64.36万元，其中：基本支出增加5.64万元，主要为新增编制人员；项目支出增加58.72万元，主要是城乡居民基本医疗保险标准提高。",
    );
    expect(text).toContain("主要用于办公费、水电费等日常运行支出。");
    expect(text).toContain("其中因公出国（境）费0万元，与2023年相比减少0.05万元，主要原因是无出国计划；");
    expect(text).toContain("公务接待费0.61万元，与2023年相比减少0.03万元，主要原因是【请填写增减原因】。");
  });

  it("reads last year's figures from last year's workbook", async () => {
    const out = path.join(tmp, "同年.txt");
    await run(["--prior", path.join(FIXTURES, "seed000.xlsx"), "--narrative-out", out, path.join(FIXTURES, "seed000.xlsx")]);
    expect(fs.readFileSync(out, "utf8")).toContain("2024年预算收支安排9064.36万元，较2024年预算持平，其中：基本支出持平；项目支出持平。");
  });

  it("without --prior, takes last year's figures from the workbook's own 上年 columns", async () => {
    const out = path.join(tmp, "表中上年.txt");
    await run(["--narrative-out", out, path.join(FIXTURES, "variants", "seed000-prior.xlsx")]);
    const text = fs.readFileSync(out, "utf8");
    expect(text).toContain(
      "2024年预算收支安排9064.36万元，较2023年预算增加685.49万元，其中：基本支出增加6.04万元，主要为人员工资调整；项目支出增加679.45万元，主要是城乡居民基本医疗保险标准提高。",
    );
    expect(text).not.toContain("缺少2023年");
  });

  it("checks the changes the 情况说明 states against the figures of --prior", async () => {
    const n1 = (out: string) => JSON.parse(out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "N1-narrative");
    const year2023 = {
      year: 2023,
      total: "8378.87",
      basic: "799.60",
      project: "7579.27",
      threePublic: { 合计: "3.67", 因公出国: "0.03", 公务用车: "3.00", 公务接待: "0.64" },
    };
    // last year's figures as seed000's text states them: the decrease of the 0 item is backed, nothing is reported
    const same = path.join(tmp, "核对-2023.json");
    fs.writeFileSync(same, JSON.stringify(year2023));
    const ok = await run(["--format", "json", "--prior", same, path.join(FIXTURES, "seed000.xlsx")]);
    expect(ok.code).toBe(0);
    expect(n1(ok.out)).toEqual([]);
    // another total: the stated total change is wrong, once
    const other = path.join(tmp, "核对-2023-其他.json");
    fs.writeFileSync(other, JSON.stringify({ ...year2023, total: "8400.00" }));
    const bad = await run(["--format", "json", "--prior", other, path.join(FIXTURES, "seed000.xlsx")]);
    expect(bad.code).toBe(1);
    expect(
      n1(bad.out).map((f: { level: string; cells: { sheet: string; address: string }[]; message: string }) => [
        f.level,
        f.cells.map((c) => `${c.sheet}!${c.address}`),
        f.message,
      ]),
    ).toEqual([
      [
        "error",
        ["情况说明!A23", "01收支总表!E37"],
        "情况说明写“2024 年预算收支安排9064.36万元,较 2023 年预算增加685.49万元”：本年支出合计本年为 9064.36万元（「收支总表」01收支总表!E37），上年为 8400.00万元（上年数据文件），应增加 664.36万元，文中写“增加685.49万元”，相差 21.13万元。",
      ],
    ]);
    // the text report says it too
    expect((await run(["--prior", other, path.join(FIXTURES, "seed000.xlsx")])).out).toContain("上年为 8400.00万元（上年数据文件），应增加 664.36万元");
  });

  it("explains a prior-year file it cannot use", async () => {
    const bad = path.join(tmp, "坏.json");
    fs.writeFileSync(bad, JSON.stringify({ year: 2023, total: "八千" }));
    const r = await run(["--format", "json", "--prior", bad, path.join(FIXTURES, "seed000.xlsx")]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error).toBe('上年数据文件「坏.json」中「total」不是金额："八千"。');
  });
});

describe("--narrative-out on a Henan workbook", () => {
  it("writes the Henan wording, which passes the narrative check, and --style chooses another", async () => {
    const txt = path.join(tmp, "河南.txt");
    await run(["--narrative-out", txt, path.join(FIXTURES, "seed003.xlsx")]);
    expect(fs.readFileSync(txt, "utf8")).toContain(
      "平顶山市石龙区医疗保障局2023年支出合计193.86万元。其中：基本支出165.42万元，占85.33%；项目支出28.44万元，占14.67%。",
    );
    const r = await run(["--format", "json", "--narrative", txt, path.join(FIXTURES, "seed003.xlsx")]);
    expect(JSON.parse(r.out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "N1-narrative")).toEqual([]);
    const hebei = path.join(tmp, "河北措辞.txt");
    await run(["--style", "hebei", "--narrative-out", hebei, path.join(FIXTURES, "seed003.xlsx")]);
    expect(fs.readFileSync(hebei, "utf8")).toContain("2023年预算收入193.86万元");
    expect((await run(["--style", "guangdong", path.join(FIXTURES, "seed003.xlsx")])).err).toContain("--style 只能是 hebei、henan 或 final");
  });
});

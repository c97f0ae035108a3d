/**
 * Hostile-input bench (prints figures, asserts nothing; the messages themselves are tested in
 * test/host/hostile.test.ts): each hostile file of issue 23 built in a temporary folder, then checked by
 * `budget-check --format json` in a process of its own under GNU time. Prints, per file: its size, the
 * exit code, wall seconds, maximum resident MB, and the message (or the notes) the user gets.
 * Usage: npm run bench:hostile
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8 } from "fflate";
import { buildXlsx, sheetXml, withDeclaredSize, xlsxParts, zipStreamed } from "./fixtures/package";

const ROWS = `<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1"><v>12.5</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2"><v>7</v></c></row>`;
const MIB = 1024 * 1024;

interface Case {
  name: string;
  make: (dir: string) => string;
  /** Extra arguments before the workbook (the workbook path is appended). */
  args?: (dir: string) => string[];
}

/** A worksheet of about `mib` MiB: rows of ten cells without r attributes, one chunk repeated. */
function bigSheet(mib: number) {
  const chunk = `<row>${"<c><v>1</v></c>".repeat(10)}</row>`;
  const head = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  return { head, chunk, times: Math.floor((mib * MIB) / chunk.length), tail: "</sheetData></worksheet>" };
}

function write(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const CASES: Case[] = [
  {
    name: "六张 94 MiB 的工作表.xlsx",
    make: (dir) => {
      const sheets = Array.from({ length: 6 }, (_, i) => ({ name: `表${i + 1}`, xml: "" }));
      const parts = xlsxParts(sheets);
      const repeated = Object.fromEntries(sheets.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, bigSheet(94)]));
      for (const name of Object.keys(repeated)) delete parts[name];
      return write(dir, "六张 94 MiB 的工作表.xlsx", zipStreamed(parts, repeated));
    },
  },
  {
    name: "声明 1 KB、解压 1 GB 的工作表.xlsx",
    make: (dir) => {
      const parts = xlsxParts([{ name: "表", xml: "" }]);
      delete parts["xl/worksheets/sheet1.xml"];
      const zip = zipStreamed(parts, { "xl/worksheets/sheet1.xml": bigSheet(1024) });
      return write(dir, "声明 1 KB、解压 1 GB 的工作表.xlsx", withDeclaredSize(zip, "xl/worksheets/sheet1.xml", 1024));
    },
  },
  {
    name: "XFD1048576 有一个单元格.xlsx",
    make: (dir) => write(dir, "XFD1048576 有一个单元格.xlsx", buildXlsx([{ name: "表", xml: ROWS + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>` }])),
  },
  {
    name: "合并 A10:XFD1048576.xlsx",
    make: (dir) =>
      write(dir, "合并 A10:XFD1048576.xlsx", buildXlsx([{ name: "表", xml: sheetXml(ROWS, `<mergeCells><mergeCell ref="A10:XFD1048576"/></mergeCells>`) }])),
  },
  {
    name: "定义名称覆盖整张表、外部链接.xlsx",
    make: (dir) =>
      write(
        dir,
        "定义名称覆盖整张表、外部链接.xlsx",
        buildXlsx([{ name: "表", xml: ROWS }], {
          workbookExtra: `<definedNames><definedName name="全表">表!$A$1:$XFD$1048576</definedName><definedName name="外部">[1]Sheet1!$A:$XFD</definedName></definedNames>`,
          parts: { "xl/externalLinks/externalLink1.xml": `<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>` },
        }),
      ),
  },
  {
    name: "重叠的合并单元格.xlsx",
    make: (dir) =>
      write(
        dir,
        "重叠的合并单元格.xlsx",
        buildXlsx([{ name: "表", xml: sheetXml(ROWS, `<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`) }]),
      ),
  },
  {
    name: "66,000 个条目.xlsx",
    make: (dir) => {
      const padding = Object.fromEntries(Array.from({ length: 66_000 }, (_, i) => [`pad/${i}.txt`, strToU8("")]));
      return write(dir, "66,000 个条目.xlsx", buildXlsx([{ name: "表", xml: ROWS }], { parts: padding }));
    },
  },
  {
    name: "--narrative 解压 400 MB 的 .docx",
    make: (dir) => write(dir, "正常.xlsx", buildXlsx([{ name: "表", xml: ROWS }])),
    args: (dir) => {
      const doc = zipStreamed(
        { "_rels/.rels": strToU8("<Relationships/>") },
        { "word/document.xml": { head: "<w:document>", chunk: "a".repeat(1 << 16), times: 6400, tail: "</w:document>" } },
      );
      return ["--narrative", write(dir, "情况说明.docx", doc)];
    },
  },
];

function run(c: Case, dir: string): void {
  const t0 = performance.now();
  const file = c.make(dir);
  const extra = c.args?.(dir) ?? [];
  const built = (performance.now() - t0) / 1000;
  const bin = path.join(__dirname, "..", "bin", "budget-check.js");
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, bin, "--format", "json", ...extra, file], { encoding: "utf8", maxBuffer: 1 << 28 });
  const [seconds, kb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  let said = "";
  try {
    const f = JSON.parse(r.stdout).files[0];
    said = f.error ?? (f.readNotes ? `读取时已处理：${f.readNotes.join("；")}` : `已检查：${f.summary.error} 个错误，${f.summary.warning} 个提示`);
  } catch {
    said = `（没有 JSON 输出）${r.stderr.slice(0, 200)}`;
  }
  const size = fs.statSync(file).size;
  console.log(
    `${c.name}\n  file ${(size / MIB).toFixed(2)} MB (built in ${built.toFixed(1)} s); exit ${r.status}; ${seconds.toFixed(2)} s; maximum resident ${(kb / 1024).toFixed(0)} MB\n  ${said}`,
  );
  fs.rmSync(file);
}

function main(): void {
  if (!fs.existsSync("/usr/bin/time")) throw new Error("GNU time (/usr/bin/time) is not installed: apt-get install time");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-hostile-"));
  try {
    for (const c of CASES) run(c, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nload average: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}; bound: every file a Chinese message or a result, under 1.5 GB resident`,
  );
}

main();

/** The byte-level reader the task pane runs in the browser: no Node module, plain Uint8Array, the same snapshot. */
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import { readWorkbookBytes, WorkbookReadError } from "../../src/host/file/readBytes";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { FIXTURES } from "../helpers";

const SRC = path.join(__dirname, "../../src");

/** Every module readBytes.ts reaches through relative imports, with the packages each imports. */
function importGraph(entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (file: string) => {
    if (out.has(file)) return;
    const text = fs.readFileSync(file, "utf8");
    const specs = [...text.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[1]);
    out.set(
      file,
      specs.filter((s) => !s.startsWith(".")),
    );
    for (const s of specs.filter((x) => x.startsWith("."))) visit(path.resolve(path.dirname(file), `${s}.ts`));
  };
  visit(entry);
  return out;
}

describe("readWorkbookBytes", () => {
  it("imports no Node module and uses no Buffer, anywhere it reaches (it runs in the task pane)", () => {
    const graph = importGraph(path.join(SRC, "host/file/readBytes.ts"));
    expect(graph.size).toBeGreaterThan(5);
    const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const [file, packages] of graph) {
      expect({ file, node: packages.filter((p) => node.has(p)) }).toEqual({ file, node: [] });
      const code = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect({ file, buffer: /\bBuffer\b/.test(code) }).toEqual({ file, buffer: false });
    }
  });

  it("reads a workbook from a plain Uint8Array as the file reader does", async () => {
    const file = path.join(FIXTURES, "seed000.xlsx");
    const bytes = new Uint8Array(fs.readFileSync(file)); // a copy: not a Buffer
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect(readWorkbookBytes(bytes, "seed000.xlsx")).toEqual(await readWorkbookFile(file));
  });

  it("without a legacy reader, an .xls is refused with a message asking for .xlsx; other files as the file reader refuses them", () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => readWorkbookBytes(cfb, "2023年预算.xls")).toThrow(
      new WorkbookReadError(
        "2023年预算.xls",
        "文件「2023年预算.xls」是旧版 Excel（.xls）或 WPS（.et）格式，这里只能读取 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 后再选择。",
      ),
    );
    expect(() => readWorkbookBytes(new TextEncoder().encode("年度,金额"), "上年.csv")).toThrow(/^文件「上年.csv」是 CSV 文本文件/);
    expect(() => readWorkbookBytes(new Uint8Array(0), "空.xlsx")).toThrow("文件「空.xlsx」是空文件（0 字节），不是 Excel 工作簿。");
  });
});

/**
 * Builds the workbooks of one transcribed source file (test/fixtures/source/*.json, see FORMAT.md) into a
 * folder of your choice and checks them, without touching test/fixtures: for transcribing a new package.
 * Usage: npx tsx scripts/check-source.ts test/fixtures/source/real-xxx.json [output folder] [-- budget-check options]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import type { SourceFile } from "./fixtures/source";
import { DEFAULT_LAYOUT } from "./fixtures/variants";
import { writeWorkbook } from "./fixtures/write";

async function run(): Promise<number> {
  const [file, outArg, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error("用法：npx tsx scripts/check-source.ts <来源 .json> [输出文件夹] [-- budget-check 选项]");
    return 2;
  }
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as SourceFile;
  const out = outArg && outArg !== "--" ? outArg : fs.mkdtempSync(path.join(os.tmpdir(), "bdc-source-"));
  fs.mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const wb of data.workbooks) {
    const target = path.join(out, `${wb.id}.xlsx`);
    if (fs.existsSync(target)) fs.rmSync(target);
    await writeWorkbook(wb, DEFAULT_LAYOUT, target);
    written.push(target);
  }
  console.error(`写出 ${written.length} 个工作簿到 ${out}`);
  const options = rest[0] === "--" ? rest.slice(1) : outArg === "--" ? [rest[0], ...rest.slice(1)].filter(Boolean) : rest;
  return main([...options, "--jobs", "1", "--", ...written]);
}

void run().then((code) => (process.exitCode = code));

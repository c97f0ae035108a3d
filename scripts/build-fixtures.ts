/**
 * Builds test/fixtures/<id>.xlsx from the transcribed seeds (test/fixtures/source/*.json), the layout
 * variants in test/fixtures/variants/<id>-<variant>.xlsx, and the bundled demo sample in samples/.
 * `--if-stale` skips the work when nothing changed since the last build.
 */
import * as fs from "fs";
import * as path from "path";
import { loadSources, SOURCE_DIR } from "./fixtures/source";
import { DEFAULT_LAYOUT, VARIANTS } from "./fixtures/variants";
import { writeWorkbook } from "./fixtures/write";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test", "fixtures");
const VARIANT_DIR = path.join(OUT, "variants");
const STAMP = path.join(OUT, ".stamp");
export const SAMPLE = path.join(ROOT, "samples", "满城区医疗保障局2024年单位预算.xlsx");

function newestInput(): number {
  const files = [
    ...fs.readdirSync(SOURCE_DIR).map((f) => path.join(SOURCE_DIR, f)),
    ...fs.readdirSync(path.join(__dirname, "fixtures")).map((f) => path.join(__dirname, "fixtures", f)),
    __filename,
  ];
  return Math.max(...files.map((f) => fs.statSync(f).mtimeMs));
}

async function main(): Promise<void> {
  if (process.argv.includes("--if-stale") && fs.existsSync(STAMP) && fs.statSync(STAMP).mtimeMs >= newestInput()) return;
  fs.mkdirSync(VARIANT_DIR, { recursive: true });
  const sources = loadSources();
  for (const wb of sources) {
    await writeWorkbook(wb, DEFAULT_LAYOUT, path.join(OUT, `${wb.id}.xlsx`));
    for (const v of VARIANTS) {
      await writeWorkbook(v.transform(wb), v.layout, path.join(VARIANT_DIR, `${wb.id}-${v.name}.xlsx`));
    }
  }
  const sample = sources.find((s) => s.id === "seed000");
  if (sample) await writeWorkbook(sample, DEFAULT_LAYOUT, SAMPLE);
  fs.writeFileSync(STAMP, new Date().toISOString() + "\n");
  console.log(`fixtures: ${sources.length} workbooks × (1 + ${VARIANTS.length} variants) written to ${path.relative(ROOT, OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

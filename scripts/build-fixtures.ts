/**
 * Builds test/fixtures/<id>.xlsx from the transcribed seeds (test/fixtures/source/*.json), the layout
 * variants in test/fixtures/variants/<id>-<variant>.xlsx, the legacy copies test/fixtures/legacy/<id>.xls
 * (Excel 97–2003 BIFF8, written by SheetJS from the .xlsx) with one of them also saved as a WPS-named
 * .et, and the bundled demo sample in samples/.
 * `--if-stale` skips the work when nothing changed since the last build.
 */
import * as XLSX from "@e965/xlsx";
import * as fs from "fs";
import * as path from "path";
import { loadSources, SOURCE_DIR } from "./fixtures/source";
import { DEFAULT_LAYOUT, VARIANTS } from "./fixtures/variants";
import { writeWorkbook } from "./fixtures/write";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test", "fixtures");
const VARIANT_DIR = path.join(OUT, "variants");
const LEGACY_DIR = path.join(OUT, "legacy");
const STAMP = path.join(OUT, ".stamp");

/** The .xlsx as an Excel 97–2003 workbook (values, formulas, number formats, merges, hidden rows and columns). */
function writeLegacyCopy(xlsx: string, xls: string): void {
  const wb = XLSX.read(fs.readFileSync(xlsx), { type: "buffer", cellFormula: true, cellNF: true, cellStyles: true });
  fs.writeFileSync(xls, XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer);
}
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
  fs.mkdirSync(LEGACY_DIR, { recursive: true });
  const sources = loadSources();
  for (const wb of sources) {
    await writeWorkbook(wb, DEFAULT_LAYOUT, path.join(OUT, `${wb.id}.xlsx`));
    writeLegacyCopy(path.join(OUT, `${wb.id}.xlsx`), path.join(LEGACY_DIR, `${wb.id}.xls`));
    for (const v of VARIANTS) {
      await writeWorkbook(v.transform(wb), v.layout, path.join(VARIANT_DIR, `${wb.id}-${v.name}.xlsx`));
    }
  }
  const sample = sources.find((s) => s.id === "seed000");
  if (sample) await writeWorkbook(sample, DEFAULT_LAYOUT, SAMPLE);
  // WPS saves .et files in the same BIFF structure; this one stands for a WPS user's file
  fs.copyFileSync(path.join(LEGACY_DIR, "seed000.xls"), path.join(LEGACY_DIR, "seed000-wps.et"));
  fs.writeFileSync(STAMP, new Date().toISOString() + "\n");
  console.log(`fixtures: ${sources.length} workbooks × (1 + ${VARIANTS.length} variants + a legacy .xls) written to ${path.relative(ROOT, OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

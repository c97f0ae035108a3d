/**
 * Checking one file for the CLI: read, recognize, check, optionally annotate. The result is plain data
 * (no Decimal, no class instances) so that it crosses worker-thread boundaries unchanged.
 */
import * as path from "path";
import { checkWorkbook, draftNarrative } from "../engine";
import { writeAnnotatedCopy } from "../host/file/annotate";
import { OutputError } from "../host/file/outputs";
import { readNarrativeFile } from "../host/file/readNarrative";
import { readWorkbookFile, WorkbookReadError } from "../host/file/readWorkbook";
import { describeMapping, modelHeadline, rowCount, rowCountText } from "../model/describe";
import type { Unrecognized } from "../model/budgetModel";
import type { BatchFileResult } from "../report/types";
import type { NarrativeStyle, ProfileId } from "../model/profiles";
import type { NarrativeSection } from "../narrative/section";
import { writeNarrativeFile } from "../host/file/writeNarrative";
import { PriorYearError } from "../narrative/prior";
import { readPrior } from "../host/file/readPrior";
import { applyReasons } from "../narrative/reasons";

export interface TableSummary {
  kind: string;
  kindName: string;
  sheet: string;
  range: string;
  title: string;
  unit: string | null;
  rows: number;
  rowsText: string;
  columns: { side: string; column: string; role: string }[];
  /** Why a table with a title no family uses was taken for its kind (absent: its title said it). */
  recognizedBy?: string;
}

export interface FileReport extends BatchFileResult {
  headline?: string;
  /** The document family checked under, and why. */
  profile?: { id: string; name: string; reason: string };
  tables?: TableSummary[];
  unrecognized?: Unrecognized[];
  /** What the reader repaired or left out (an overlapping merge …). */
  readNotes?: string[];
  narrative?: { paragraphs: number; sheet: string | null };
  /** The full mapping text (--mapping). */
  mapping?: string;
  /** Where the annotated copy was written (--annotate). */
  annotated?: string;
  /** The generated 情况说明, section by section. */
  generated?: NarrativeSection[];
}

export interface CheckOptions {
  mapping?: boolean;
  /** A .docx/.txt 情况说明 to check instead of the workbook's own. */
  narrativeFile?: string;
  /** Write the generated 情况说明 here (.docx, .md or .txt). */
  narrativeOut?: string;
  /** Last year's workbook or a prior-year JSON file: the stated changes are checked against it, and the comparison sentences written from it. */
  priorFile?: string;
  /** The wording of the generated 情况说明 (default: the profile's). */
  style?: NarrativeStyle;
  /** The document family to check under (default: chosen from the workbook). */
  profile?: ProfileId;
}

/** One file of a run, and where its annotated copy goes (--annotate; see annotatedCopyPaths). */
export interface FileTask {
  file: string;
  annotateTo?: string;
}

export async function checkFile({ file, annotateTo }: FileTask, opts: CheckOptions = {}): Promise<FileReport> {
  const t0 = performance.now();
  try {
    const narrative = opts.narrativeFile ? await readNarrativeFile(opts.narrativeFile) : undefined;
    // last year's figures serve both the narrative check (N1) and the generated 情况说明
    const prior = opts.priorFile ? await readPrior(opts.priorFile) : undefined;
    const workbook = await readWorkbookFile(file);
    const result = checkWorkbook(workbook, { narrative, prior, profile: opts.profile });
    const { model, findings, counts } = result;
    const report: FileReport = {
      path: file,
      kind: model.documentKind,
      unitName: model.unitName,
      unitCode: model.unitCode,
      year: model.year,
      amountUnit: model.amountUnit,
      counts,
      findings,
      headline: modelHeadline(model),
      profile: result.profile && { id: result.profile.profile.id, name: result.profile.profile.name, reason: result.profile.reason },
      tables: model.tables.map((t) => ({
        kind: t.kind,
        kindName: t.kindName,
        sheet: t.sheet,
        range: t.range,
        title: t.title,
        unit: t.unit,
        rows: rowCount(t),
        rowsText: rowCountText(t),
        columns: t.blocks.flatMap((b) => b.columns.map((c) => ({ side: b.side, column: c.letter, role: c.role }))),
        ...(t.recognizedBy ? { recognizedBy: t.recognizedBy } : {}),
      })),
      unrecognized: model.unrecognized,
      ...(workbook.notes ? { readNotes: workbook.notes } : {}),
      narrative: { paragraphs: result.narrative.length, sheet: result.narrative[0]?.cell.sheet ?? null },
    };
    if (opts.mapping) report.mapping = describeMapping(model, result.narrative);
    if (model.documentKind) {
      // The officer's reasons in the old text (--narrative, which replaced the workbook's 情况说明 sheet, or that sheet) are kept.
      const draft = draftNarrative(
        result,
        result.narrative.map((p) => p.text),
        opts.style,
      );
      report.generated = applyReasons(draft.sections, draft.reasons);
    }
    if (opts.narrativeOut) {
      if (!report.generated) throw new OutputError(`「${path.basename(file)}」中没有识别出预算或决算公开表，无法生成情况说明。`);
      await writeNarrativeFile(opts.narrativeOut, report.generated);
    }
    if (annotateTo) {
      await writeAnnotatedCopy(file, annotateTo, findings, workbook);
      report.annotated = annotateTo;
    }
    report.ms = performance.now() - t0;
    return report;
  } catch (e) {
    const message =
      e instanceof WorkbookReadError || e instanceof OutputError || e instanceof PriorYearError
        ? e.message
        : `检查「${path.basename(file)}」时出错：${(e as Error).message}`;
    return { path: file, error: message, ms: performance.now() - t0 };
  }
}

/** What a batch check of many workbooks produces: the input of the summary, the JSON and the HTML report. */
import type { Finding, FindingLevel } from "../rules/types";

export interface BatchFileResult {
  /** Path as given or found (relative to the folder checked when inside it). */
  path: string;
  /** Why the file could not be checked (Chinese, names the file); no other field then. */
  error?: string;
  kind?: "预算" | "决算" | null;
  unitName?: string | null;
  unitCode?: string | null;
  year?: number | null;
  amountUnit?: "元" | "万元" | null;
  counts?: Record<FindingLevel, number>;
  findings?: Finding[];
  /** The 提示 the officer confirmed (核实) in the task pane, with her explanation; not among `findings` (the CLI has none). */
  confirmed?: { finding: Finding; explanation: string; at: string }[];
  /** Milliseconds spent reading and checking the file. */
  ms?: number;
}

export interface BatchReport {
  /** The folders/files checked, as given on the command line. */
  inputs: string[];
  /** ISO time the check finished. */
  generatedAt: string;
  files: BatchFileResult[];
}

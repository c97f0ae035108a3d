/**
 * The per-file limits of a batch: a file that overruns the time limit, or whose worker runs out of its
 * heap, is reported as not checked with the reason in Chinese; its worker is replaced and the batch ends
 * with a report for every file.
 */
import * as path from "path";
import { checkFiles } from "../../src/cli/batch";
import { FIXTURES, runCli } from "../helpers";

const files = ["seed000.xlsx", "seed002.xlsx", "seed003.xlsx"].map((f) => path.join(FIXTURES, f));
const tasks = files.map((file) => ({ file }));

describe("batch limits", () => {
  it("a file over the time limit is skipped with the reason; every file gets a report", async () => {
    const reports = await checkFiles(tasks, {}, 2, () => undefined, { fileSeconds: 0.001, workerHeapMb: 700 });
    expect(reports.map((r) => r.error)).toEqual(
      files.map((f) => `检查「${path.basename(f)}」超过 0.001 秒仍未完成，已跳过（文件可能过大或已损坏）；其余文件照常检查。`),
    );
  }, 60_000);

  it("a worker out of its heap fails only its file, in Chinese", async () => {
    const reports = await checkFiles(tasks.slice(0, 2), {}, 1, () => undefined, { fileSeconds: 120, workerHeapMb: 4 });
    expect(reports.map((r) => r.error)).toEqual(
      files.slice(0, 2).map((f) => `检查「${path.basename(f)}」所需内存超过 4 MB 的上限，已跳过（文件可能过大或是恶意构造的）；其余文件照常检查。`),
    );
  }, 60_000);

  it("the time limit is a CLI option, checked for sense", async () => {
    const r = await runCli(["--file-timeout", "0", files[0]]);
    expect([r.code, r.err.split("\n")[0]]).toEqual([2, "--file-timeout 需要一个正数（秒），收到：0"]);
    const ok = await runCli(["--file-timeout", "90", "--jobs", "1", ...files.slice(0, 2)]);
    expect(ok.err).not.toContain("无法读取");
  }, 60_000);
});

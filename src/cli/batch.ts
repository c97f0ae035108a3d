/**
 * Checking many files: one file in this thread; several on a pool of worker threads (one per core by
 * default, --jobs of them at most). Results come back in input order; progress is reported as files
 * finish. A worker has a heap limit and each file a time limit: a file that passes either is reported as
 * not checked, with the reason, its worker is replaced, and the batch goes on.
 */
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { checkFile, type CheckOptions, type FileReport, type FileTask } from "./checkFile";

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

/** The limits each file of a batch is checked within. */
export interface BatchLimits {
  /** Seconds one file may take. */
  fileSeconds: number;
  /** MB of old-generation heap one worker may use (the largest workbook the reader accepts needs about 600). */
  workerHeapMb: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { fileSeconds: 120, workerHeapMb: 700 };

function startWorker(limits: BatchLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.workerHeapMb };
  // compiled (lib/cli/worker.js) or, when running from source with tsx, the .ts file through tsx
  const js = path.join(__dirname, "worker.js");
  const ts = path.join(__dirname, "worker.ts");
  // tsx resolved here, from this package: the evaluated script would look it up from the working folder
  if (__filename.endsWith(".ts"))
    return new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(ts)});`, { eval: true, resourceLimits });
  return new Worker(js, { resourceLimits });
}

/** Why a worker stopped on a file, in the report's words. */
function workerFailure(file: string, e: Error & { code?: string }, limits: BatchLimits): string {
  const name = path.basename(file);
  if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
    return `检查「${name}」所需内存超过 ${limits.workerHeapMb} MB 的上限，已跳过（文件可能过大或是恶意构造的）；其余文件照常检查。`;
  return `检查「${name}」时出错：${e.message}`;
}

export async function checkFiles(
  tasks: FileTask[],
  opts: CheckOptions,
  jobs: number,
  onDone: (done: number, total: number, report: FileReport) => void,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): Promise<FileReport[]> {
  const files = tasks.map((t) => t.file);
  const results: FileReport[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: FileReport) => {
    results[i] = r;
    onDone(++done, files.length, r);
  };
  if (files.length === 1) {
    finish(0, await checkFile(tasks[0], opts));
    return results;
  }
  const n = Math.max(1, Math.min(jobs, files.length));
  let next = 0;
  const workers: Worker[] = [];
  /** One worker's loop; a worker that dies (out of memory) or overruns the time limit fails only its file and is replaced. */
  const run = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const w = startWorker(limits);
      workers.push(w);
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const replace = (message: string) => {
        clearTimeout(timer);
        w.removeAllListeners();
        if (current >= 0 && results[current] === undefined) finish(current, { path: files[current], error: message });
        void w.terminate();
        void run().then(resolve);
      };
      const send = () => {
        clearTimeout(timer);
        if (next >= files.length) return resolve();
        current = next++;
        const file = files[current];
        timer = setTimeout(
          () => replace(`检查「${path.basename(file)}」超过 ${limits.fileSeconds} 秒仍未完成，已跳过（文件可能过大或已损坏）；其余文件照常检查。`),
          limits.fileSeconds * 1000,
        );
        w.postMessage({ id: current, task: tasks[current], opts });
      };
      w.on("message", (m: { id: number; report: FileReport }) => {
        finish(m.id, m.report);
        send();
      });
      w.on("error", (e) => replace(workerFailure(files[current] ?? "", e, limits)));
      w.on("exit", () => {
        if (current >= 0 && results[current] === undefined) replace(`检查「${path.basename(files[current])}」时检查进程意外退出，已跳过；其余文件照常检查。`);
      });
      send();
    });
  try {
    await Promise.all(Array.from({ length: n }, run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

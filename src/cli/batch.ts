/**
 * Checking many files: in this thread for one file or --jobs 1, otherwise on a pool of worker threads
 * (one per core by default). Results come back in input order; progress is reported as files finish.
 */
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { checkFile, type CheckOptions, type FileReport, type FileTask } from "./checkFile";

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

function startWorker(): Worker {
  // compiled (lib/cli/worker.js) or, when running from source with tsx, the .ts file through tsx
  const js = path.join(__dirname, "worker.js");
  const ts = path.join(__dirname, "worker.ts");
  // tsx resolved here, from this package: the evaluated script would look it up from the working folder
  if (__filename.endsWith(".ts")) return new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(ts)});`, { eval: true });
  return new Worker(js);
}

export async function checkFiles(
  tasks: FileTask[],
  opts: CheckOptions,
  jobs: number,
  onDone: (done: number, total: number, report: FileReport) => void,
): Promise<FileReport[]> {
  const files = tasks.map((t) => t.file);
  const results: FileReport[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: FileReport) => {
    results[i] = r;
    onDone(++done, files.length, r);
  };
  const n = Math.min(jobs, files.length);
  if (n <= 1) {
    for (let i = 0; i < files.length; i++) finish(i, await checkFile(tasks[i], opts));
    return results;
  }
  let next = 0;
  const workers: Worker[] = [];
  /** One worker's loop; a worker that dies (out of memory on a monstrous file) fails only its file. */
  const run = () =>
    new Promise<void>((resolve) => {
      const w = startWorker();
      workers.push(w);
      let current = -1;
      const send = () => {
        if (next >= files.length) return resolve();
        current = next++;
        w.postMessage({ id: current, task: tasks[current], opts });
      };
      w.on("message", (m: { id: number; report: FileReport }) => {
        finish(m.id, m.report);
        send();
      });
      w.on("error", (e) => {
        if (current >= 0 && results[current] === undefined)
          finish(current, { path: files[current], error: `检查「${path.basename(files[current])}」时出错：${e.message}` });
        void run().then(resolve);
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

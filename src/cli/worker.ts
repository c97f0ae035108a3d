/** A worker thread of the batch check: checks the files it is sent, one at a time. */
import { parentPort } from "worker_threads";
import { checkFile, type CheckOptions, type FileTask } from "./checkFile";

// checkFile never rejects: a file it cannot check comes back as a report with its error
parentPort?.on("message", (msg: { id: number; task: FileTask; opts: CheckOptions }) => {
  void checkFile(msg.task, msg.opts).then((report) => parentPort!.postMessage({ id: msg.id, report }));
});

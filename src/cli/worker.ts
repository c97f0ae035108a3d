/** A worker thread of the batch check: checks the files it is sent, one at a time. */
import { parentPort } from "worker_threads";
import { checkFile, type CheckOptions, type FileTask } from "./checkFile";

parentPort?.on("message", async (msg: { id: number; task: FileTask; opts: CheckOptions }) => {
  const report = await checkFile(msg.task, msg.opts);
  parentPort!.postMessage({ id: msg.id, report });
});

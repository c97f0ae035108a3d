/**
 * The V8 settings budget-check runs with, and the relaunch that gives them to it.
 *
 * A check allocates several times the size of the model it builds, and every young-generation collection
 * (scavenge) walks the list of all pages of the old generation, where the workbook and its model live. A
 * larger workbook therefore needs more scavenges, each of which costs more. With semi-spaces of 64 MB
 * instead of V8's default 16 a check makes a quarter as many, and a large workbook's check is about a
 * tenth faster (figures: docs/performance.md). V8 grows the semi-space only when a process allocates
 * that much, so a small workbook uses no more memory than before.
 */
import { spawn } from "child_process";
import * as os from "os";

export const NODE_FLAGS = ["--max-semi-space-size=64"];

/**
 * Runs this process's script again in a node given NODE_FLAGS, when this process lacks them (V8 sizes its
 * heap as the process starts: the flags cannot be set afterwards), and resolves to that run's exit code;
 * resolves to undefined when this process already has them, for the caller to do its work itself.
 * Standard input and output are shared; SIGINT and SIGTERM are passed on.
 */
export function relaunchWithNodeFlags(): Promise<number | undefined> {
  const missing = NODE_FLAGS.filter((f) => !process.execArgv.includes(f));
  const script = process.argv[1];
  if (missing.length === 0 || !script) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...missing, script, ...process.argv.slice(2)], { stdio: "inherit" });
    const pass = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", pass);
    process.on("SIGTERM", pass);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", pass);
      process.off("SIGTERM", pass);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}

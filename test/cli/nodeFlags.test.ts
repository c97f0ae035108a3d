/**
 * budget-check's V8 settings: a process without them runs its script again in a node given them (the
 * arguments, output and exit code passed through), and the setting takes effect there; a process that
 * has them does its work itself.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { NODE_FLAGS } from "../../src/cli/nodeFlags";

const projectRoot = path.join(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-flags-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A script that relaunches itself as budget-check does, then reports its process, flags, arguments and new space.
 * It lives outside the checkout, so it names the project's modules by their resolved paths: a bare
 * `require("tsx/cjs")` would be looked up from the temp folder upwards and find nothing on a fresh machine.
 */
const script = path.join(tmp, "probe.js");
fs.writeFileSync(
  script,
  `require(${JSON.stringify(require.resolve("tsx/cjs", { paths: [projectRoot] }))});
const { relaunchWithNodeFlags } = require(${JSON.stringify(path.join(projectRoot, "src/cli/nodeFlags.ts"))});
relaunchWithNodeFlags().then((code) => {
  if (code !== undefined) return void (process.exitCode = code);
  // allocate with many survivors, so that V8 grows the new space as far as it is allowed to
  let keep = [];
  for (let i = 0; i < 4e6; i++) { keep.push({ i }); if (keep.length > 2e5) keep = []; }
  const newSpace = require("v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
  process.stdout.write(JSON.stringify({ pid: process.pid, ppid: process.ppid, execArgv: process.execArgv, args: process.argv.slice(2), newSpaceMB: newSpace / 1048576 }));
  process.exitCode = 3;
});
`,
);

interface Probe {
  pid: number;
  ppid: number;
  execArgv: string[];
  args: string[];
  newSpaceMB: number;
}

function run(nodeArgs: string[]): { status: number | null; pid: number; probe: Probe } {
  const r = spawnSync(process.execPath, [...nodeArgs, script, "上年 数据.json", "--jobs"], { cwd: projectRoot, encoding: "utf8" });
  if (!r.stdout) throw new Error(`the probe printed nothing (exit ${r.status}): ${r.stderr}`);
  return { status: r.status, pid: r.pid, probe: JSON.parse(r.stdout) as Probe };
}

describe("relaunchWithNodeFlags", () => {
  it("runs the script again in a node given the flags, passing the arguments and the exit code through", () => {
    const { status, pid, probe } = run([]);
    expect(status).toBe(3);
    expect(probe.ppid).toBe(pid); // the work was done by a child of the process started
    for (const f of NODE_FLAGS) expect(probe.execArgv).toContain(f);
    expect(probe.args).toEqual(["上年 数据.json", "--jobs"]);
    // semi-spaces of 64 MB: the new space (two of them) grows past V8's default of 2 × 16 MB
    expect(probe.newSpaceMB).toBeGreaterThan(32);
  });

  it("does the work in the process itself when it has the flags", () => {
    const { status, pid, probe } = run(NODE_FLAGS);
    expect(status).toBe(3);
    expect(probe.pid).toBe(pid);
    expect(probe.args).toEqual(["上年 数据.json", "--jobs"]);
  });
});

/**
 * File host, write side: where the CLI may write. An input is never written, and neither is any file
 * that was there before the run: every output (the annotated copies, --report, --narrative-out) is
 * checked before the work starts — a path that already exists is refused, naming the input it is when
 * it is one (a symlink or hard link to an input, or an input reached through a symlinked folder, is
 * known by its device and inode) — and is then created exclusively (O_EXCL), so that nothing that
 * appears at that path in the meantime is overwritten either.
 */
import * as fs from "fs";
import * as path from "path";

export class OutputError extends Error {}

interface Identity {
  dev: number;
  ino: number;
}

/** A file's identity, following symlinks; undefined when there is nothing there. */
function identity(file: string): Identity | undefined {
  try {
    const s = fs.statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return undefined;
  }
}

/** The real path of a path that may not exist yet: its deepest existing folder resolved, the rest appended. */
export function resolveOutputPath(file: string): string {
  const abs = path.resolve(file);
  const rest: string[] = [];
  let dir = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(dir), ...rest);
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return abs;
      rest.unshift(path.basename(dir));
      dir = parent;
    }
  }
}

/** The inputs of a run (workbooks, --prior, --narrative), known by real path and by identity. */
export class InputSet {
  private readonly ids: { file: string; id: Identity }[] = [];
  private readonly folders = new Map<string, string>();

  constructor(files: string[]) {
    for (const file of files) {
      const id = identity(file);
      if (id) this.ids.push({ file, id });
      this.folders.set(path.dirname(resolveOutputPath(file)), file);
    }
  }

  /** The input that this path is (the same file through any link), if any. */
  inputAt(file: string): string | undefined {
    const id = identity(file);
    return id && this.ids.find((i) => i.id.dev === id.dev && i.id.ino === id.ino)?.file;
  }

  /** An input held by this folder (after resolving symlinks), if any. */
  inputIn(folder: string): string | undefined {
    return this.folders.get(resolveOutputPath(folder));
  }
}

/** Why this path may not be written, in Chinese; undefined when it is free. `what` names the output (e.g. "--report"). */
export function refusal(file: string, what: string, inputs: InputSet): string | undefined {
  const input = inputs.inputAt(file);
  if (input)
    return `${what} 不能写到输入文件「${input}」上${path.resolve(file) === path.resolve(input) ? "" : `（「${file}」就是这个文件）`}，以免覆盖原文件。`;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) return `${what}「${file}」是一个文件夹，请给出文件名。`;
  if (stat) return `${what}「${file}」已存在，为免覆盖没有写入：请换一个文件名，或先移走原文件。`;
  return undefined;
}

/** Why this folder cannot receive the annotated copies, in Chinese; undefined when it can. */
export function folderRefusal(folder: string, inputs: InputSet): string | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) return `--annotate 需要一个文件夹，而「${folder}」是一个文件。`;
  const input = inputs.inputIn(folder);
  if (input) return `--annotate 的输出文件夹不能是输入文件所在的文件夹（${input}），以免覆盖原文件。`;
  return undefined;
}

/**
 * The annotated copies' paths in a folder, one per input, in input order: the input's name (.xlsx for
 * .xlsm and legacy inputs); inputs of the same name (from two folders, or 2023.xlsx beside 2023.xlsm)
 * get 名（2）.xlsx, 名（3）.xlsx, … in input order, names compared without case as Windows does.
 */
export function annotatedCopyPaths(files: string[], folder: string): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const stem = path.basename(file).replace(/\.(xlsx|xlsm|xls|et)$/i, "");
    let name = `${stem}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}（${n}）.xlsx`;
    taken.add(name.toLowerCase());
    return path.join(folder, name);
  });
}

function describeError(e: NodeJS.ErrnoException, target: string): string {
  switch (e.code) {
    case "EEXIST":
      return `「${target}」已存在，为免覆盖没有写入。`;
    case "EACCES":
    case "EPERM":
      return `没有权限写入「${target}」。`;
    case "EROFS":
      return `「${target}」在只读的位置，无法写入。`;
    case "ENOTDIR":
      return `「${target}」的上级路径中有一个文件而不是文件夹。`;
    case "EISDIR":
      return `「${target}」是一个文件夹，请给出文件名。`;
    case "ENOSPC":
      return `磁盘空间不足，无法写入「${target}」。`;
    default:
      return `无法写入「${target}」（${e.code ?? e.message}）。`;
  }
}

/**
 * Creates the missing folders of a path one level at a time (a recursive mkdir can loop for ever in a
 * pseudo-filesystem such as /proc, whose folders refuse new entries in ways it does not expect).
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let dir = path.resolve(folder);
  while (!fs.existsSync(dir)) {
    missing.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new OutputError(`「${dir}」是一个文件，不是文件夹，无法在其中写入。`);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      throw new OutputError(describeError(e as NodeJS.ErrnoException, d));
    }
  }
}

/** Writes a new file: its folders are created as needed; a file already at that path (or a link) is never overwritten. */
export async function writeNewFile(file: string, data: string | Uint8Array): Promise<void> {
  makeFolders(path.dirname(path.resolve(file)));
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, "wx");
  } catch (e) {
    throw new OutputError(describeError(e as NodeJS.ErrnoException, file));
  }
  try {
    await handle.writeFile(data);
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(file, { force: true }); // the half-written file is ours: nothing of the user's is lost
    throw new OutputError(describeError(e as NodeJS.ErrnoException, file));
  }
}

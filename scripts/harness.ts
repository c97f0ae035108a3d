/**
 * The browser harness: the task pane outside Excel, against a workbook read from an .xlsx file.
 *
 *   npm run harness                    → http://localhost:3100/harness.html (the bundled sample)
 *   npm run harness -- --port 4000
 *   http://localhost:3100/harness.html?file=test/fixtures/seed004.xlsx   (any .xlsx under the project folder)
 *
 * Serves the webpack build (dist/) and reads workbooks with the same file host as the CLI; a file
 * opened in the page is sent here, read, and returned as a snapshot. Nothing is ever written to disk.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { readWorkbookBuffer, WorkbookReadError } from "../src/host/file/readWorkbook";
import { snapshotToJson } from "../src/grid/wire";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
export const SAMPLE = "samples/满城区医疗保障局2024年单位预算.xlsx";
const MAX_UPLOAD = 200 * 1024 * 1024;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, TYPES[".json"], JSON.stringify({ error: message }));
}

async function sendWorkbook(res: http.ServerResponse, buf: Buffer, name: string): Promise<void> {
  try {
    const wb = await readWorkbookBuffer(buf, name);
    send(res, 200, TYPES[".json"], snapshotToJson(wb));
  } catch (e) {
    sendError(res, 400, e instanceof WorkbookReadError ? e.message : `无法读取「${name}」：${(e as Error).message}`);
  }
}

/** A path decoded from a URL or header, or undefined when it is not valid percent-encoding. */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A file inside a folder, after symlinks are resolved (a link in the folder may not lead out of it); undefined otherwise. */
function inside(folder: string, file: string): string | undefined {
  try {
    const real = fs.realpathSync(file);
    return real.startsWith(fs.realpathSync(folder) + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** A project file named in the query: only .xlsx files inside the project folder. */
function projectFile(rel: string): string | undefined {
  const file = path.resolve(ROOT, rel);
  if (!file.startsWith(ROOT + path.sep) || path.extname(file).toLowerCase() !== ".xlsx") return undefined;
  return inside(ROOT, file);
}

export function createHarnessServer(dist = DIST): http.Server {
  return http.createServer((req, res) => {
    try {
      handle(req, res, dist);
    } catch (e) {
      // a request the server cannot make sense of is answered, never the end of the server
      if (!res.headersSent) sendError(res, 400, `无法处理的请求：${(e as Error).message}`);
    }
  });
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, dist: string): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/api/workbook" && req.method === "GET") {
    const rel = url.searchParams.get("file") || SAMPLE;
    const file = projectFile(rel);
    if (!file || !fs.existsSync(file)) return sendError(res, 404, `找不到工作簿「${rel}」（只能打开项目文件夹中的 .xlsx 文件）。`);
    fs.promises.readFile(file).then(
      (buf) => sendWorkbook(res, buf, path.basename(file)),
      (e) => sendError(res, 500, String(e)),
    );
    return;
  }
  if (url.pathname === "/api/workbook" && req.method === "POST") {
    // only the harness page uploads, naming the file in a header of its own: a page of another site would
    // need the browser to ask first (CORS), and is never answered yes
    const header = req.headers["x-file-name"];
    const name = typeof header === "string" ? decoded(header) : undefined;
    if (!name) return sendError(res, 403, "只接受试用页发出的上传（缺少文件名）。");
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_UPLOAD) {
        sendError(res, 413, `「${name}」超过 200 MB，不予读取。`);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => void sendWorkbook(res, Buffer.concat(chunks), name));
    return;
  }
  const rel = url.pathname === "/" ? "/harness.html" : decoded(url.pathname);
  if (rel === undefined) return sendError(res, 400, "网址编码有误。");
  const file = path.resolve(dist, "." + rel);
  if (!file.startsWith(dist + path.sep)) return sendError(res, 403, "forbidden");
  if (fs.existsSync(file) && !inside(dist, file)) return sendError(res, 403, "forbidden");
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, "text/plain; charset=utf-8", `未找到 ${rel}${fs.existsSync(dist) ? "" : "（请先运行 npm run build:dev）"}`);
    send(res, 200, TYPES[path.extname(file)] ?? "application/octet-stream", data);
  });
}

if (require.main === module) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 3100;
  if (!fs.existsSync(path.join(DIST, "harness.html"))) {
    console.error("dist/harness.html 不存在：请先运行 npm run build:dev（npm run harness 会自动构建）。");
    process.exit(2);
  }
  createHarnessServer().listen(port, "127.0.0.1", () => {
    console.log(`预决算审核助手 浏览器试用页：http://localhost:${port}/harness.html`);
    console.log(`打开其他工作簿：http://localhost:${port}/harness.html?file=test/fixtures/seed004.xlsx，或在页面中选择文件。按 Ctrl+C 退出。`);
  });
}

/**
 * The harness server never dies on a request and never serves outside its folders: bad percent-encoding,
 * uploads not from the harness page (a page of another site can send a CORS-simple POST), symlinks that
 * lead out of the served folder or out of the project.
 */
import * as fs from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { createHarnessServer } from "../../scripts/harness";
import { FIXTURES } from "../helpers";

let server: Server;
let base: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-harness-server-"));
const dist = path.join(tmp, "dist");
const outside = path.join(tmp, "outside");

beforeAll(async () => {
  fs.mkdirSync(dist);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(dist, "harness.html"), "<html>试用页</html>");
  fs.writeFileSync(path.join(outside, "secret.txt"), "不该被读到");
  fs.symlinkSync(path.join(outside, "secret.txt"), path.join(dist, "link.txt"));
  server = createHarnessServer(dist);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the harness server", () => {
  it("answers a malformed percent-encoding with 400 and keeps serving", async () => {
    const bad = await fetch(`${base}/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("网址编码有误。");
    expect((await fetch(`${base}/harness.html`)).status).toBe(200);
  });

  it("refuses an upload that is not from the harness page: no file-name header, or one that does not decode", async () => {
    const body = fs.readFileSync(path.join(FIXTURES, "seed000.xlsx"));
    const plain = await fetch(`${base}/api/workbook`, { method: "POST", headers: { "content-type": "text/plain" }, body });
    expect(plain.status).toBe(403);
    expect((await plain.json()).error).toBe("只接受试用页发出的上传（缺少文件名）。");
    const garbled = await fetch(`${base}/api/workbook`, { method: "POST", headers: { "x-file-name": "%E0%A4%A" }, body });
    expect(garbled.status).toBe(403);
    const ok = await fetch(`${base}/api/workbook`, { method: "POST", headers: { "x-file-name": encodeURIComponent("预算.xlsx") }, body });
    expect(ok.status).toBe(200);
  });

  it("does not follow a symlink out of the served folder or out of the project", async () => {
    expect((await fetch(`${base}/link.txt`)).status).toBe(403);
    const link = path.join(FIXTURES, "bdc-link-out.xlsx");
    fs.copyFileSync(path.join(FIXTURES, "seed000.xlsx"), path.join(outside, "out.xlsx"));
    fs.symlinkSync(path.join(outside, "out.xlsx"), link);
    try {
      const r = await fetch(`${base}/api/workbook?file=${encodeURIComponent("test/fixtures/bdc-link-out.xlsx")}`);
      expect(r.status).toBe(404);
    } finally {
      fs.rmSync(link);
    }
  });
});

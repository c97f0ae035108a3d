/** The add-in manifest: the checks `npm run validate` would make that can be made offline. */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  it("is an Excel task-pane add-in that may read and write the workbook, on ExcelApi 1.8", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\s*\/>/);
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it("defines every resource id it uses, and uses every one it defines", () => {
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it("names icons that exist in assets/ at the sizes it states", () => {
    const images = [...manifest.matchAll(/<bt:Image id="Icon\.(?:[A-Za-z]+\.)?(\d+)x\d+" DefaultValue="[^"]*\/assets\/([^"]+)"/g)];
    expect(images.length).toBe([...manifest.matchAll(/<bt:Image id=/g)].length);
    expect(images.length).toBeGreaterThanOrEqual(9);
    for (const [, size, file] of images) expect(pngSize(path.join(ROOT, "assets", file))).toEqual([Number(size), Number(size)]);
    for (const [, file, size] of [...manifest.matchAll(/(?:IconUrl|HighResolutionIconUrl) DefaultValue="[^"]*\/assets\/(icon-(\d+)\.png)"/g)]) {
      expect(pngSize(path.join(ROOT, "assets", file))).toEqual([Number(size), Number(size)]);
    }
  });

  it("has the ribbon buttons 检查工作簿 and 清除标记, running the functions commands.ts registers, labelled in zh-CN and en-US", () => {
    const source = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    for (const [id, fn] of [
      ["CheckButton", "checkWorkbook"],
      ["ClearButton", "clearMarks"],
    ]) {
      const control = new RegExp(`<Control xsi:type="Button" id="BudgetChecker\\.${id}">[\\s\\S]*?</Control>`).exec(manifest)?.[0] ?? "";
      expect(control).toMatch(/<Action xsi:type="ExecuteFunction">/);
      expect(control).toContain(`<FunctionName>${fn}</FunctionName>`);
      for (const size of [16, 32, 80]) expect(control).toMatch(new RegExp(`<bt:Image size="${size}" resid="Icon\\.\\w+\\.${size}x${size}"/>`));
      expect(source).toMatch(new RegExp(`async ${fn}\\(`));
      for (const res of [`${id}.Label`, `${id}.Tooltip`]) {
        expect(manifest).toMatch(
          new RegExp(`<bt:String id="${res.replace(".", "\\.")}" DefaultValue="[^"]*[\\u4e00-\\u9fff][^"]*">\\s*<bt:Override Locale="en-US" Value="[^"]+"/>`),
        );
      }
    }
    expect(manifest).toMatch(/DefaultValue="检查工作簿"/);
    expect(manifest).toMatch(/DefaultValue="清除标记"/);
  });
});

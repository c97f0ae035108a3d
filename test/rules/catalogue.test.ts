/**
 * The rule catalogue's conventions: each rule lives in src/rules/<id>.ts and is tested in
 * test/rules/<id>.test.ts; ids are unique; each has a Chinese description, a Chinese 规则说明 with an
 * example, and its message templates.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES, ruleHelp } from "../../src/rules/registry";

const ROOT = path.join(__dirname, "../..");

describe("the rule catalogue", () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s: its file and its test are named by its id", (id, rule) => {
    expect(fs.existsSync(path.join(ROOT, "src/rules", `${id}.ts`))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "test/rules", `${id}.test.ts`))).toBe(true);
    expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s: its 规则说明 and example are Chinese, without ids, English or flags", (id, rule) => {
    const shortIds = [...new Set(RULES.map((r) => r.meta.id.split("-")[0]))];
    for (const text of [rule.meta.explanation, rule.meta.example]) {
      expect(text.trim().length).toBeGreaterThan(10);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      for (const other of RULES) expect(text).not.toContain(other.meta.id);
      // (a cell in column R, X or N whose row is a rule's number reads as that rule's id: cite another cell)
      for (const short of shortIds) expect(text).not.toMatch(new RegExp(`(?<![A-Za-z0-9])${short}(?![0-9])`));
      expect(text).not.toMatch(/(^|[^\w])--?[A-Za-z]/);
      // what is left once cells (D14) and Excel's error values (#REF!) are set aside holds no Latin letter
      expect(text.replace(/[A-Z]{1,3}\d+/g, "").replace(/#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!)/g, "")).not.toMatch(/[A-Za-z]/);
    }
    expect(ruleHelp(id)).toEqual({ name: rule.meta.description, level: rule.meta.level, explanation: rule.meta.explanation, example: rule.meta.example });
  });

  it("gives no 规则说明 for an id it does not hold", () => {
    expect(ruleHelp("R99-unknown")).toBeUndefined();
  });

  it("has one rule per id and no rule file outside the registry", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = fs
      .readdirSync(path.join(ROOT, "src/rules"))
      .filter((f) => /^[A-Z]\d+-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual([...ids].sort());
  });
});

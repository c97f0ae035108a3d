/**
 * The rule catalogue's conventions: each rule lives in src/rules/<id>.ts and is tested in
 * test/rules/<id>.test.ts; ids are unique; each has a Chinese description and its message templates.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../src/rules/registry";

const ROOT = path.join(__dirname, "../..");

describe("the rule catalogue", () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s: its file and its test are named by its id", (id, rule) => {
    expect(fs.existsSync(path.join(ROOT, "src/rules", `${id}.ts`))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "test/rules", `${id}.test.ts`))).toBe(true);
    expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
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

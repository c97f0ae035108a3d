/** Document-family profiles: chosen from the recognized workbook with the reason shown, or named by the user. */
import * as path from "path";
import { chooseProfile, PROFILES } from "../../src/model/profiles";
import { FIXTURES, fixtureModel, runCli } from "../helpers";

describe("chooseProfile", () => {
  it.each([
    ["seed000", "budget-national", "预算；未见河南格式的“总体情况表”，按通用格式"],
    ["seed001-dept", "budget-national", "预算；未见河南格式的“总体情况表”，按通用格式"],
    ["seed003", "budget-henan", "预算；表名「2023 年部门收支总体情况表」为河南格式"],
    ["seed004", "final-national", "决算；未见地方格式的标志，按全国通用九张表"],
  ])("%s → %s", async (id, profile, reason) => {
    const chosen = chooseProfile(await fixtureModel(id));
    expect(chosen?.profile.id).toBe(profile);
    expect(chosen?.reason).toBe(reason);
  });

  it("takes a 决算 of a Shanghai unit for the Shanghai family, and has none without a document kind", async () => {
    const model = await fixtureModel("seed004");
    expect(chooseProfile({ ...model, unitName: "上海市某区卫生健康委员会" })).toEqual({
      profile: PROFILES.find((p) => p.id === "final-shanghai"),
      reason: "决算；「上海市某区卫生健康委员会」为上海市的单位",
    });
    expect(chooseProfile({ ...model, documentKind: null })).toBeUndefined();
  });
});

describe("budget-check and profiles", () => {
  const run = runCli;

  it("prints the profile with its reason, puts it in the JSON, and takes --profile", async () => {
    const text = await run([path.join(FIXTURES, "seed004.xlsx")]);
    expect(text.out).toContain("  格式：部门决算·全国通用九张表 —— 决算；未见地方格式的标志，按全国通用九张表\n");
    const json = await run(["--format", "json", "--profile", "final-shanghai", path.join(FIXTURES, "seed004.xlsx")]);
    expect(JSON.parse(json.out).files[0].profile).toEqual({ id: "final-shanghai", name: "部门决算·上海格式", reason: "由用户指定" });
    const bad = await run(["--profile", "guangdong", path.join(FIXTURES, "seed004.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^--profile 只能是 budget-national、budget-henan、final-national、final-shanghai，收到：guangdong/);
  });
});

/**
 * Last year's figures (and, for a 决算, this year's 年初预算), as the user gives them (--prior, the task
 * pane's 上年数据) or as the tables' own 上年 and 年初预算数 columns give them (narrative/prior.ts reads
 * and merges them; the engine resolves them once per check).
 */
import type { Dec } from "../grid/decimal";

/** The “三公” items a prior year or a 年初预算 may give. */
export type ThreePublicFigures = Partial<Record<"合计" | "因公出国" | "公务用车" | "购置" | "运行" | "公务接待", Dec>>;

export interface PriorYear {
  year: number;
  /** 上年预算收支总额、基本支出、项目支出, “三公”经费 and its items, in 万元 (决算: 上年决算数). */
  total?: Dec;
  basic?: Dec;
  project?: Dec;
  threePublic?: ThreePublicFigures;
  /** 决算: 上年收入总计/支出总计, 财政拨款收支总计, and each 类 by code ("208"). */
  grand?: Dec;
  fiscalGrand?: Dec;
  /** 一般公共预算（财政拨款）支出: 上年决算数, or for a budget 上年预算数 (the Henan wording compares it). */
  gpb?: Dec;
  categories?: Record<string, Dec>;
  /** 决算: this year's 年初预算 (一般公共预算财政拨款支出, each 类 by code). */
  budget?: { gpb?: Dec; categories?: Record<string, Dec> };
}

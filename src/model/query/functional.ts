/** The 类 of the 支出功能分类 as 收支总表 rows name them ("八、社会保障和就业支出", "社会保障和就业"). */
import { squash } from "../amount";
import { withoutNumbering } from "../codes";

const CATEGORY_NAMES: [string, string[]][] = [
  ["201", ["一般公共服务"]],
  ["202", ["外交"]],
  ["203", ["国防"]],
  ["204", ["公共安全"]],
  ["205", ["教育"]],
  ["206", ["科学技术"]],
  ["207", ["文化旅游体育与传媒", "文化体育与传媒", "文化体育旅游与传媒"]],
  ["208", ["社会保障和就业"]],
  ["209", ["社会保险基金"]],
  ["210", ["卫生健康", "医疗卫生与计划生育"]],
  ["211", ["节能环保"]],
  ["212", ["城乡社区", "城乡社区事务"]],
  ["213", ["农林水", "农林水事务"]],
  ["214", ["交通运输"]],
  ["215", ["资源勘探工业信息等", "资源勘探信息等"]],
  ["216", ["商业服务业等"]],
  ["217", ["金融"]],
  ["219", ["援助其他地区"]],
  ["220", ["自然资源海洋气象等"]],
  ["221", ["住房保障"]],
  ["222", ["粮油物资储备"]],
  ["223", ["国有资本经营预算"]],
  ["224", ["灾害防治及应急管理"]],
  ["227", ["预备费"]],
  ["229", ["其他"]],
  ["230", ["转移性"]],
  ["231", ["债务还本"]],
  ["232", ["债务付息"]],
  ["233", ["债务发行费用"]],
  ["234", ["抗疫特别国债安排的"]],
];

const BY_NAME = new Map<string, string>();
for (const [code, names] of CATEGORY_NAMES) for (const n of names) BY_NAME.set(n, code);

/** The 类 code a row name stands for, or undefined. */
export function categoryCodeOfName(name: string): string | undefined {
  const n = withoutNumbering(squash(name)).replace(/支出$/, "");
  return BY_NAME.get(n);
}

/** Every 类 code of the classification, in order. */
export function categoryCodes(): string[] {
  return CATEGORY_NAMES.map(([code]) => code);
}

/** The standard name of a 类 code (as used in 收入/支出 tables). */
export function categoryName(code: string): string | undefined {
  const e = CATEGORY_NAMES.find(([c]) => c === code);
  return e ? `${e[1][0]}支出` : undefined;
}

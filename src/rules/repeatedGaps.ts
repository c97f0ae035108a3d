/**
 * One 尾差 repeated across tables is one finding. The same rounding gap is reported by several
 * equations: the same figure compared with the same sum in each table that shows it (a 类 of 收入总表,
 * 支出总表 and 一般公共预算支出表, in each of their amount columns), the same pair of figures in two
 * cross-table equations (收支总表 ↔ 支出总表 and 财政拨款收支总表 ↔ 一般公共预算支出表), or one total
 * against two breakdowns of it (合计 = 基本 + 项目 and 合计 = Σ款). The officer reads it once, with
 * where it is seen.
 */
import { parseA1 } from "../grid/address";
import type { Finding, FindingCell } from "./types";

/**
 * The gap a 尾差 is, or undefined for a finding that is not one that may merge. Only info findings of an
 * equation between amounts merge (those the runner gave a unit): never an error or a 提示, never a rate's
 * rounding (no difference) nor a line's 数量 × 单价 (a report, not an equation). The key is the unit, the
 * left side's figure, the right side's figure and their difference, as shown (the same decimals, the side
 * order as the equation states it: the total or the summary table on the left): the same gap in the same
 * figures. The rules' own labels are not in it — the same figure is 「收支总表」八、社会保障和就业支出 in one
 * equation and 「财政拨款收支总表」(八)社会保障和就业支出 in the other — nor the tolerance, which grows with
 * the number of parts of each equation. Two unrelated gaps merge only when both figures and the difference
 * agree to the last decimal (in a 汇总 workbook of units with identical tables, each unit's copy of a gap
 * does: the message then counts every place and names the first ten).
 */
export function gapKey(f: Finding): string | undefined {
  if (f.level !== "info" || f.unit === undefined || f.actual === undefined || f.expected === undefined || f.difference === undefined) return undefined;
  return `${f.unit}|${f.actual}|${f.expected}|${f.difference}`;
}

/** Where a 尾差 is seen: its equation's left-hand cell (the total), else its first cell. */
function placeOf(f: Finding): FindingCell | undefined {
  return f.cells.find((c) => c.side === "left") ?? f.cells[0];
}

/** A cell's position for ordering: row, then column ("A1"-style addresses; anything else last). */
function position(address: string): [number, number] {
  try {
    const p = parseA1(address);
    return [p.row, p.col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** How many places a merged 尾差 names; the count says how many there are. */
const MAX_PLACES = 10;

/**
 * "同一尾差出现在 5 处：02收入总表 D12、E12、F12，03支出总表 D12，05一般公共预算支出表 D12。": the places
 * by sheet, the sheets in the workbook's order (sheets it does not name after them, as first seen), the
 * cells of a sheet by row and column; past MAX_PLACES the first of them, “如：…等”.
 */
function placesText(places: FindingCell[], sheetOrder: readonly string[]): string {
  const seen = [...new Set(places.map((c) => c.sheet))];
  const rank = (sheet: string) => {
    const i = sheetOrder.indexOf(sheet);
    return i < 0 ? sheetOrder.length + seen.indexOf(sheet) : i;
  };
  const sorted = places
    .map((c) => ({ c, rank: rank(c.sheet), at: position(c.address) }))
    .sort((a, b) => a.rank - b.rank || a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map((x) => x.c);
  const bySheet = new Map<string, string[]>();
  for (const c of sorted.slice(0, MAX_PLACES)) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c.address);
    else bySheet.set(c.sheet, [c.address]);
  }
  const listed = [...bySheet].map(([sheet, addresses]) => `${sheet} ${addresses.join("、")}`).join("，");
  return places.length > MAX_PLACES ? `同一尾差出现在 ${places.length} 处，如：${listed}等。` : `同一尾差出现在 ${places.length} 处：${listed}。`;
}

/** The first finding of a repeated 尾差, with the cells of all (each once, its first side kept) and where it is seen. */
function merged(group: Finding[], sheetOrder: readonly string[]): Finding {
  const [first] = group;
  const cells: FindingCell[] = [];
  const places: FindingCell[] = [];
  const seen = new Set<string>();
  const seenPlaces = new Set<string>();
  for (const f of group) {
    for (const c of f.cells) {
      const k = `${c.sheet}!${c.address}`;
      if (seen.has(k)) continue;
      seen.add(k);
      cells.push(c);
    }
    const p = placeOf(f);
    if (p && !seenPlaces.has(`${p.sheet}!${p.address}`)) {
      seenPlaces.add(`${p.sheet}!${p.address}`);
      places.push(p);
    }
  }
  const where = places.length > 1 ? placesText(places, sheetOrder) : `同一尾差在该单元格所在的 ${group.length} 个等式中都出现。`;
  return { ...first, message: first.message + where, cells };
}

/**
 * The findings with each repeated 尾差 (same gapKey) merged into its first: it keeps the first's place in
 * the list, rule, message id (so its identity, rule|message id|cells, is the same at every check of the
 * same workbook), figures and tolerance; its cells are the union of the group's, in order; its message
 * says where the gap is seen, its sheets in `sheetOrder` (the workbook's). Every other finding is passed on
 * as it is.
 */
export function mergeRepeatedGaps(findings: Finding[], sheetOrder: readonly string[] = []): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = gapKey(f);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const key = gapKey(f);
    const group = key === undefined ? undefined : groups.get(key)!;
    if (!group || group.length === 1) out.push(f);
    else if (group[0] === f) out.push(merged(group, sheetOrder));
  }
  return out;
}

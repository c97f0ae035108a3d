/**
 * A sheet's merges, read once in linear time (apart from sorting): impossible references and merges that
 * overlap one kept before them are left out and described (Excel repairs such files the same way when it
 * opens them); and the cells a kept merge covers — all but its top-left cell — found by one sweep down the
 * rows that hold cells, whatever the size of the merges.
 */
import { parseRangeA1, rangeToA1, type RangeRef } from "../../../grid/address";

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** The merges in force on one row: disjoint, ordered by their left column. */
class ActiveMerges {
  private readonly list: RangeRef[] = [];
  private lowestBottom = Infinity;

  /** Drops the merges that end above `row`. */
  expire(row: number): void {
    if (this.lowestBottom >= row) return;
    let write = 0;
    this.lowestBottom = Infinity;
    for (const m of this.list) {
      if (m.bottom < row) continue;
      this.list[write++] = m;
      if (m.bottom < this.lowestBottom) this.lowestBottom = m.bottom;
    }
    this.list.length = write;
  }

  /** Where a merge starting at `left` would go. */
  private position(left: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].left < left) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The merge in force that overlaps `m`'s columns, if any. */
  clash(m: RangeRef): RangeRef | undefined {
    const i = this.position(m.left);
    if (i > 0 && this.list[i - 1].right >= m.left) return this.list[i - 1];
    if (i < this.list.length && this.list[i].left <= m.right) return this.list[i];
    return undefined;
  }

  add(m: RangeRef): void {
    this.list.splice(this.position(m.left), 0, m);
    if (m.bottom < this.lowestBottom) this.lowestBottom = m.bottom;
  }

  /** The merge in force that holds column `col`. */
  at(col: number): RangeRef | undefined {
    const i = this.position(col + 1) - 1;
    return i >= 0 && this.list[i].right >= col ? this.list[i] : undefined;
  }
}

function parseMerge(ref: string): RangeRef | undefined {
  if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(ref)) return undefined;
  const m = parseRangeA1(ref);
  return m.top < 0 || m.left < 0 || m.bottom > MAX_ROW || m.right > MAX_COL ? undefined : m;
}

/** The merges to keep, and a Chinese note for each one left out. */
export function checkedMerges(refs: string[], sheet: string): { merges: RangeRef[]; notes: string[] } {
  const notes: string[] = [];
  const parsed: RangeRef[] = [];
  for (const ref of refs) {
    const m = parseMerge(ref);
    if (!m) notes.push(`工作表「${sheet}」的合并单元格「${ref}」不是有效的区域，已忽略。`);
    else if (m.top !== m.bottom || m.left !== m.right) parsed.push(m);
  }
  const order = parsed.map((_, i) => i).sort((a, b) => parsed[a].top - parsed[b].top || parsed[a].left - parsed[b].left || a - b);
  const keep = new Array<boolean>(parsed.length).fill(false);
  const active = new ActiveMerges();
  for (const i of order) {
    const m = parsed[i];
    active.expire(m.top);
    const other = active.clash(m);
    if (other) {
      notes.push(`工作表「${sheet}」的合并单元格 ${rangeToA1(m)} 与 ${rangeToA1(other)} 重叠，已忽略前者（Excel 打开此文件时也会修复）。`);
      continue;
    }
    active.add(m);
    keep[i] = true;
  }
  return { merges: parsed.filter((_, i) => keep[i]), notes };
}

/**
 * Calls `cover(row, col)` for each cell listed in `rows` (row number → its cells' columns, ascending rows)
 * that a merge covers without being its top-left cell.
 */
export function coveredCells(merges: RangeRef[], rows: { row: number; cols: number[] }[], cover: (rowIndex: number, colIndex: number) => void): void {
  if (merges.length === 0) return;
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  const active = new ActiveMerges();
  let next = 0;
  rows.forEach(({ row, cols }, rowIndex) => {
    while (next < byTop.length && byTop[next].top <= row) active.add(byTop[next++]);
    active.expire(row);
    cols.forEach((col, colIndex) => {
      const m = active.at(col);
      if (m && (m.top !== row || m.left !== col)) cover(rowIndex, colIndex);
    });
  });
}

/** A read-only view of one sheet for recognition: normalized texts and merged areas by cell. */
import { toA1, type RangeRef } from "../grid/address";
import { cellAt, sheetBottom, sheetRight, type Cell, type SheetSnapshot } from "../grid/workbook";
import { normalizeText, type CellLocation } from "../model/amount";

export class SheetView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /**
   * Merged areas by row: the areas that cover each row (a row meets few, so a scan of its list finds the
   * one over a column). Rows are small integer keys, whatever the sheet's size.
   */
  private readonly mergesByRow = new Map<number, RangeRef[]>();
  private readonly wideMergeRows = new Map<number, Map<number, RangeRef>>();
  /**
   * Each row's non-empty texts of masters, normalized once, by row offset from the top (an array: rows
   * are read top to bottom first, so it fills in order).
   */
  private readonly rowCache: (RowText[] | undefined)[] = [];

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheetBottom(sheet);
    this.right = sheetRight(sheet);
    for (const m of sheet.merges) {
      if (m.top < 0 || m.left < 0 || m.bottom < m.top || m.right < m.left) continue; // not a merge Excel can make
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue; // absurd merges: ignore
      for (let r = m.top; r <= m.bottom; r++) {
        const row = this.mergesByRow.get(r);
        if (row) row.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  get hasMerges(): boolean {
    return this.sheet.merges.length > 0;
  }

  cell(row: number, col: number): Cell | null {
    return cellAt(this.sheet, row, col);
  }

  /** Normalized shown text of the cell itself ("" for blank and for the covered part of a merge). */
  text(row: number, col: number): string {
    // (not cached: normalizing is one pattern test for most texts, cheaper than keeping a copy of the grid)
    const cell = this.sheet.cells[row - this.top]?.[col - this.left];
    return cell ? normalizeText(cell.text) : "";
  }

  merge(row: number, col: number): RangeRef | undefined {
    const areas = this.mergesByRow.size === 0 ? undefined : this.mergesByRow.get(row);
    if (areas === undefined) return undefined;
    if (areas.length > 8) return this.mergeByColumn(row, areas).get(col);
    // (of overlapping areas, which Excel cannot make, the last listed wins, as in the map below)
    for (let i = areas.length - 1; i >= 0; i--) {
      const m = areas[i];
      if (col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** A row meeting many merged areas: its areas by column, built on first use. */
  private mergeByColumn(row: number, areas: RangeRef[]): Map<number, RangeRef> {
    let byCol = this.wideMergeRows.get(row);
    if (!byCol) {
      byCol = new Map();
      for (const m of areas) for (let c = m.left; c <= m.right; c++) byCol.set(c, m);
      this.wideMergeRows.set(row, byCol);
    }
    return byCol;
  }

  /** Text shown at (row, col): the merge master's text when the cell is inside a merged area. */
  shownText(row: number, col: number): string {
    const m = this.merge(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  /** Whether the cell is covered by a merge whose master is elsewhere. */
  isCovered(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** The non-empty texts of a row, masters only, left to right (within columns left..right when given). */
  rowTexts(row: number, left = this.left, right = this.right): RowText[] {
    const whole = this.mastersOf(row);
    if (left <= this.left && right >= this.right) return whole;
    return whole.filter((t) => t.col >= left && t.col <= right);
  }

  /** The row's texts (callers must not change the arrays). */
  private mastersOf(row: number): RowText[] {
    const i = row - this.top;
    const cells = this.sheet.cells[i];
    if (!cells) return NO_TEXTS;
    let texts = this.rowCache[i];
    if (!texts) {
      // only the filled cells of the snapshot's row can give a text
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j];
        if (!cell) continue;
        const t = normalizeText(cell.text);
        if (t !== "" && !this.isCovered(row, this.left + j)) (texts ??= []).push({ col: this.left + j, text: t });
      }
      this.rowCache[i] = texts ??= NO_TEXTS;
    }
    return texts;
  }

  isBlankRow(row: number, left = this.left, right = this.right): boolean {
    return this.rowTexts(row, left, right).length === 0;
  }

  location(row: number, col: number): CellLocation {
    return { sheet: this.sheet.name, address: toA1(row, col), row, col };
  }
}

/** A text of a row and its column. */
export interface RowText {
  col: number;
  text: string;
}

/** The texts of a row without any (shared). */
const NO_TEXTS: RowText[] = [];

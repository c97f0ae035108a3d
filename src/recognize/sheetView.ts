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
   * Merged area by cell: by row, then by column (impossible and absurdly large merges are left out). Two
   * small integer keys rather than one row × columns + column, which past row 65,536 is no longer a small
   * integer and makes every lookup slow.
   */
  private readonly mergeByCell = new Map<number, Map<number, RangeRef>>();
  /** Non-empty texts of whole rows (callers must not change the arrays). */
  private readonly rowCache = new Map<number, { col: number; text: string }[]>();

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheetBottom(sheet);
    this.right = sheetRight(sheet);
    for (const m of sheet.merges) {
      if (m.top < 0 || m.left < 0 || m.bottom < m.top || m.right < m.left) continue; // not a merge Excel can make
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue; // absurd merges: ignore
      for (let r = m.top; r <= m.bottom; r++) {
        let row = this.mergeByCell.get(r);
        if (!row) this.mergeByCell.set(r, (row = new Map()));
        for (let c = m.left; c <= m.right; c++) row.set(c, m);
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
    return this.mergeByCell.size === 0 ? undefined : this.mergeByCell.get(row)?.get(col);
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
  rowTexts(row: number, left = this.left, right = this.right): { col: number; text: string }[] {
    let whole = this.rowCache.get(row);
    if (!whole) {
      whole = [];
      const cells = this.sheet.cells[row - this.top];
      if (cells) {
        // only the filled cells of the snapshot's row can give a text
        for (let c = this.left; c < this.left + cells.length; c++) {
          if (!cells[c - this.left]) continue;
          const t = this.text(row, c);
          if (t !== "" && !this.isCovered(row, c)) whole.push({ col: c, text: t });
        }
      }
      this.rowCache.set(row, whole);
    }
    if (left <= this.left && right >= this.right) return whole;
    return whole.filter((t) => t.col >= left && t.col <= right);
  }

  isBlankRow(row: number, left = this.left, right = this.right): boolean {
    return this.rowTexts(row, left, right).length === 0;
  }

  location(row: number, col: number): CellLocation {
    return { sheet: this.sheet.name, address: toA1(row, col), row, col };
  }
}

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
   * Merged areas by row: the areas that cover the row at offset i from mergeTop are
   * merges[mergeIndex[mergeStart[i]]] up to mergeStart[i + 1], in the order the sheet lists them (a row
   * meets few, so a scan of its areas finds the one over a column). Typed arrays rather than a list per
   * row: a 汇总 sheet has a hundred thousand merged rows, and lists kept for the whole sheet were most of
   * the memory recognition left behind.
   */
  private readonly merges: RangeRef[] = [];
  private readonly mergeTop: number;
  private readonly mergeStart: Int32Array;
  private readonly mergeIndex: Int32Array;
  private readonly wideMergeRows = new Map<number, Map<number, RangeRef>>();
  /**
   * The non-empty texts of masters, normalized, row by row left to right, read in one pass: those of the
   * row at offset i from the top are texts[rowStart[i]] up to texts[rowStart[i + 1]], in columns
   * textCols[…]. Three arrays for the whole sheet rather than a list of objects per row: recognition
   * reads every row several times, and a large sheet has a million texts.
   */
  private readonly texts: string[];
  private readonly textCols: Int32Array;
  private readonly rowStart: Int32Array;

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheetBottom(sheet);
    this.right = sheetRight(sheet);
    let mergeTop = this.top;
    let mergeBottom = this.bottom;
    for (const m of sheet.merges) {
      if (m.top < 0 || m.left < 0 || m.bottom < m.top || m.right < m.left) continue; // not a merge Excel can make
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue; // absurd merges: ignore
      this.merges.push(m);
      mergeTop = Math.min(mergeTop, m.top);
      mergeBottom = Math.max(mergeBottom, m.bottom);
    }
    // counted per row, then placed: the areas of row i end up at mergeStart[i] .. mergeStart[i + 1]
    const rows = this.merges.length === 0 ? 0 : mergeBottom - mergeTop + 1;
    this.mergeTop = mergeTop;
    this.mergeStart = new Int32Array(rows + 1);
    for (const m of this.merges) for (let r = m.top; r <= m.bottom; r++) this.mergeStart[r - mergeTop + 1]++;
    for (let i = 0; i < rows; i++) this.mergeStart[i + 1] += this.mergeStart[i];
    this.mergeIndex = new Int32Array(this.mergeStart[rows]);
    const placed = this.mergeStart.slice(0, rows);
    this.merges.forEach((m, k) => {
      for (let r = m.top; r <= m.bottom; r++) this.mergeIndex[placed[r - mergeTop]++] = k;
    });
    // (sized once for every filled cell: the lists of a large sheet are not copied as they grow)
    let filled = 0;
    for (const cells of sheet.cells) if (cells) for (let j = 0; j < cells.length; j++) if (cells[j]) filled++;
    this.texts = new Array<string>(filled);
    this.textCols = new Int32Array(filled);
    this.rowStart = new Int32Array(sheet.cells.length + 1);
    let n = 0;
    for (let i = 0; i < sheet.cells.length; i++) {
      this.rowStart[i] = n;
      const cells = sheet.cells[i] ?? [];
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j];
        if (!cell) continue;
        const t = normalizeText(cell.text);
        if (t !== "" && !this.isCovered(this.top + i, this.left + j)) {
          this.texts[n] = t;
          this.textCols[n++] = this.left + j;
        }
      }
    }
    this.rowStart[sheet.cells.length] = n;
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
    const i = row - this.mergeTop;
    if (i < 0 || i >= this.mergeStart.length - 1) return undefined;
    const first = this.mergeStart[i];
    const end = this.mergeStart[i + 1];
    if (end - first > 8) return this.mergeByColumn(row, first, end).get(col);
    // (of overlapping areas, which Excel cannot make, the last listed wins, as in the map below)
    for (let k = end - 1; k >= first; k--) {
      const m = this.merges[this.mergeIndex[k]];
      if (col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** A row meeting many merged areas (those at mergeIndex[first] .. end): its areas by column, built on first use. */
  private mergeByColumn(row: number, first: number, end: number): Map<number, RangeRef> {
    let byCol = this.wideMergeRows.get(row);
    if (!byCol) {
      byCol = new Map();
      for (let k = first; k < end; k++) {
        const m = this.merges[this.mergeIndex[k]];
        for (let c = m.left; c <= m.right; c++) byCol.set(c, m);
      }
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

  /** The non-empty texts of a row, masters only, left to right (within columns left..right when given): a new list. */
  rowTexts(row: number, left = this.left, right = this.right): RowText[] {
    const out: RowText[] = [];
    for (let k = this.firstOf(row), end = this.endOf(row); k < end; k++) {
      const col = this.textCols[k];
      if (col >= left && col <= right) out.push({ col, text: this.texts[k] });
    }
    return out;
  }

  /** How many texts the row has (rowTexts(row).length, without the list). */
  textCount(row: number): number {
    return this.endOf(row) - this.firstOf(row);
  }

  /** The k-th text of the row from the left (rowTexts(row)[k].text, without the list); undefined past the last. */
  textAt(row: number, k: number): string | undefined {
    const i = this.firstOf(row) + k;
    return i < this.endOf(row) ? this.texts[i] : undefined;
  }

  /** The column of the k-th text of the row (rowTexts(row)[k].col); undefined past the last. */
  textColAt(row: number, k: number): number | undefined {
    const i = this.firstOf(row) + k;
    return i < this.endOf(row) ? this.textCols[i] : undefined;
  }

  /** Where the row's texts start in `texts` (rows outside the sheet have none). */
  private firstOf(row: number): number {
    const i = row - this.top;
    return i >= 0 && i < this.sheet.cells.length ? this.rowStart[i] : 0;
  }

  private endOf(row: number): number {
    const i = row - this.top;
    return i >= 0 && i < this.sheet.cells.length ? this.rowStart[i + 1] : 0;
  }

  isBlankRow(row: number, left = this.left, right = this.right): boolean {
    if (left <= this.left && right >= this.right) return this.textCount(row) === 0;
    for (let k = this.firstOf(row), end = this.endOf(row); k < end; k++) if (this.textCols[k] >= left && this.textCols[k] <= right) return false;
    return true;
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

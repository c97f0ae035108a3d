/**
 * A shared formula as the cells that reuse it read it: the master's formula with its relative references
 * moved by the distance from the master to the cell (absolute parts, text in quotes, quoted sheet names,
 * function names and names longer than a column are left alone). A reference moved off the sheet becomes
 * #REF!, as in Excel.
 */
import { columnIndex, columnLetters } from "../../../grid/address";

const MAX_ROW = 1048576;
const MAX_COL = 16384;
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!.])/g;

function moveReferences(segment: string, dRow: number, dCol: number): string {
  return segment.replace(REFERENCE, (whole, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const col = columnIndex(letters.toUpperCase());
    const row = Number(digits);
    if (col >= MAX_COL || row < 1 || row > MAX_ROW) return whole;
    const newCol = colAbs ? col : col + dCol;
    const newRow = rowAbs ? row : row + dRow;
    if (newCol < 0 || newCol >= MAX_COL || newRow < 1 || newRow > MAX_ROW) return "#REF!";
    return `${colAbs}${columnLetters(newCol)}${rowAbs}${newRow}`;
  });
}

/** The master's formula moved by dRow rows and dCol columns. */
export function moveFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let plain = "";
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      plain += ch;
      continue;
    }
    // a quoted stretch ("text" or 'sheet name'; doubled quotes inside) is copied as it is
    let j = i + 1;
    while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
    out += moveReferences(plain, dRow, dCol) + formula.slice(i, j + 1);
    plain = "";
    i = j;
  }
  return out + moveReferences(plain, dRow, dCol);
}

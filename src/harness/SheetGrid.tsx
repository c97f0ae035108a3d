import { useEffect, useRef, useSyncExternalStore } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, parseRangeA1, rangeToA1, toA1, type RangeRef } from "../grid/address";
import { sheetBottom, sheetRight, type SheetSnapshot } from "../grid/workbook";
import type { MemoryHost } from "../host/memory/MemoryHost";

const useStyles = makeStyles({
  scroller: { overflow: "auto", flexGrow: 1, backgroundColor: "#fff" },
  table: { borderCollapse: "collapse", fontSize: "12px", tableLayout: "auto" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: "#f3f3f3",
    color: "#555",
    fontWeight: "normal",
    border: "1px solid #d4d4d4",
    padding: "0 4px",
    zIndex: 1,
  },
  rowHead: { position: "sticky", left: 0, backgroundColor: "#f3f3f3", color: "#555", textAlign: "right", border: "1px solid #d4d4d4", padding: "0 4px" },
  cell: {
    border: "1px solid #e1e1e1",
    padding: "1px 4px",
    whiteSpace: "nowrap",
    maxWidth: "28em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

/** Rows drawn at most: enough for every disclosure table; a huge sheet says where it stops. */
const MAX_ROWS = 3000;

/** The merges of a sheet as a table draws them: the span of each merge's first cell, and the cells it covers. */
function mergeLayout(sheet: SheetSnapshot): { hidden: Set<string>; spans: Map<string, { rowSpan: number; colSpan: number }> } {
  const hidden = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(toA1(m.top, m.left), { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(toA1(r, c));
  }
  return { hidden, spans };
}

/** The range a click selects: the cell, or with shift the range from the selection's top-left cell to it, as in Excel. */
function clickedRange(sel: RangeRef | null, r: number, c: number, shift: boolean): string {
  if (!shift || !sel) return toA1(r, c);
  return rangeToA1({ top: Math.min(sel.top, r), left: Math.min(sel.left, c), bottom: Math.max(sel.top, r), right: Math.max(sel.left, c) });
}

/** The active sheet of the harness's workbook as a simple grid, with the host's fills and selection. */
export function SheetGrid({ host }: { host: MemoryHost }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (cb) => host.subscribe(cb),
    () => host.version,
  );
  const scroller = useRef<HTMLDivElement>(null);
  const sheet = host.workbook.sheets.find((s) => s.name === host.activeSheet);
  const sel = host.selection && host.selection.sheet === host.activeSheet ? parseRangeA1(host.selection.address) : null;

  useEffect(() => {
    if (!sel) return;
    scroller.current?.querySelector(`[data-address="${toA1(sel.top, sel.left)}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [version, sel?.top, sel?.left]);

  if (!sheet) return <div className={styles.scroller} />;
  const bottom = Math.min(sheetBottom(sheet), MAX_ROWS - 1);
  const right = sheetRight(sheet);
  const rows: number[] = [];
  for (let r = 0; r <= bottom; r++) rows.push(r);
  const cols: number[] = [];
  for (let c = 0; c <= right; c++) cols.push(c);
  const { hidden, spans } = mergeLayout(sheet);
  const inSel = (r: number, c: number) => sel !== null && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;

  return (
    <div className={styles.scroller} ref={scroller} role="region" aria-label={`工作表 ${sheet.name}`}>
      <table className={styles.table} data-sheet={sheet.name}>
        <thead>
          <tr>
            <th className={styles.head} />
            {cols.map((c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th className={styles.rowHead} scope="row">
                {r + 1}
              </th>
              {cols.map((c) => {
                const a1 = toA1(r, c);
                if (hidden.has(a1)) return null;
                const cell = sheet.cells[r - sheet.top]?.[c - sheet.left] ?? null;
                const k = `${sheet.name}!${a1}`;
                const fill = host.fills.get(k);
                const numeric = typeof cell?.value === "number";
                return (
                  <td
                    key={c}
                    data-address={a1}
                    data-fill={fill}
                    aria-selected={inSel(r, c) || undefined}
                    title={host.notes.get(k) ?? cell?.text}
                    {...spans.get(a1)}
                    className={mergeClasses(styles.cell, numeric && styles.number, inSel(r, c) && styles.selected)}
                    style={fill ? { backgroundColor: fill } : undefined}
                    onClick={(e) => host.selectFromPage({ sheet: sheet.name, address: clickedRange(sel, r, c, e.shiftKey) })}
                    onDoubleClick={() => {
                      const text = window.prompt(`修改 ${sheet.name}!${a1}`, cell?.text ?? "");
                      if (text !== null) host.editCell(sheet.name, a1, text);
                    }}
                  >
                    {cell?.text ?? ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {sheetBottom(sheet) >= MAX_ROWS && (
        <p>
          （仅显示前 {MAX_ROWS} 行，共 {sheetBottom(sheet) + 1} 行）
        </p>
      )}
    </div>
  );
}

import { useEffect, useRef, useSyncExternalStore } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, parseRangeA1, rangeToA1, toA1, type RangeRef } from "../grid/address";
import { sheetBottom, sheetRight, type SheetSnapshot } from "../grid/workbook";
import type { MemoryHost } from "../host/memory/MemoryHost";
import { parseInternalLink } from "../host/resultSheet";

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
  link: { color: "#0563C1", textDecorationLine: "underline", cursor: "pointer" },
  // as in Excel, a text runs on over the empty cells to its right
  spill: { overflow: "visible", textOverflow: "clip" },
  bold: { fontWeight: tokens.fontWeightSemibold },
});

/** How a cell the add-in formatted is drawn: its column's width (in characters, as Excel counts them) and its fill. */
function cellStyle(fill: string | undefined, width: number | undefined): React.CSSProperties | undefined {
  if (!fill && !width) return undefined;
  return { ...(fill ? { backgroundColor: fill } : {}), ...(width ? { minWidth: `${width}ch`, maxWidth: `${width}ch` } : {}) };
}

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

/** One cell of the grid: its text, fill, selection, link (a click follows it, as in Excel) and width. */
function GridCell(p: {
  host: MemoryHost;
  sheet: SheetSnapshot;
  r: number;
  c: number;
  sel: RangeRef | null;
  span?: { rowSpan: number; colSpan: number };
  width?: number;
}) {
  const styles = useStyles();
  const { host, sheet, r, c, sel } = p;
  const a1 = toA1(r, c);
  const cell = sheet.cells[r - sheet.top]?.[c - sheet.left] ?? null;
  const k = `${sheet.name}!${a1}`;
  const fill = host.fills.get(k);
  const link = host.links.get(k);
  const selected = sel !== null && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
  const spills = typeof cell?.value === "string" && cell.text !== "" && !sheet.cells[r - sheet.top]?.[c + 1 - sheet.left]?.text;
  return (
    <td
      data-address={a1}
      data-fill={fill}
      data-link={link}
      aria-selected={selected || undefined}
      title={host.notes.get(k) ?? cell?.text}
      {...p.span}
      className={mergeClasses(
        styles.cell,
        typeof cell?.value === "number" && styles.number,
        selected && styles.selected,
        link !== undefined && styles.link,
        host.bold.has(k) && styles.bold,
        spills && styles.spill,
      )}
      style={cellStyle(fill, p.width)}
      onClick={(e) => {
        const target = link !== undefined && !e.shiftKey ? parseInternalLink(link) : null;
        if (target) void host.select([target]).catch(() => host.selectFromPage({ sheet: sheet.name, address: a1 }));
        else host.selectFromPage({ sheet: sheet.name, address: clickedRange(sel, r, c, e.shiftKey) });
      }}
      onDoubleClick={() => {
        const text = window.prompt(`修改 ${sheet.name}!${a1}`, cell?.text ?? "");
        if (text !== null) host.editCell(sheet.name, a1, text);
      }}
    >
      {cell?.text ?? ""}
    </td>
  );
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
  const widths = host.columnWidths.get(sheet.name);

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
              {cols.map((c) =>
                hidden.has(toA1(r, c)) ? null : (
                  <GridCell key={c} host={host} sheet={sheet} r={r} c={c} sel={sel} span={spans.get(toA1(r, c))} width={widths?.[c]} />
                ),
              )}
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

/**
 * Structure-first recognition: the kind of a table whose title is not one the families use, told from
 * what its header and rows say — the “三公” items, economic codes under 人员经费/公用经费, function codes
 * beside 基本支出/项目支出 or income sources, a 收入 side beside a 支出 side. The title is one hint among
 * these; a table recognized so is marked (BudgetTable.recognizedBy) and the rule X6 says the title is not
 * standard.
 */
import { specOf, type TableKind, type TableKindSpec } from "../model/tableKinds";
import type { BlockBounds } from "./tables";
import type { SheetView } from "./sheetView";

/** The texts of a block's rows below its title, squashed, for the tests below. */
function blockTexts(view: SheetView, b: BlockBounds): string[] {
  const out: string[] = [];
  for (let r = b.titleRow + 1; r <= b.lastRow && out.length < 4000; r++) for (const t of view.rowTexts(r)) out.push(t.text.replace(/\s+/g, ""));
  return out;
}

/** Each kind recognizable by structure, with what its header and rows must show (all of the tests). */
const SIGNATURES: { kind: TableKind; tests: ((texts: string[]) => boolean)[]; why: string }[] = [
  {
    kind: "three_public",
    tests: [(x) => x.some((t) => /因公出国/.test(t)), (x) => x.some((t) => /公务接待/.test(t)), (x) => x.some((t) => /公务用车/.test(t))],
    why: "表中列有因公出国（境）费、公务用车费、公务接待费",
  },
  {
    kind: "gpb_basic",
    tests: [
      (x) => x.some((t) => /人员经费/.test(t)),
      (x) => x.some((t) => /公用经费/.test(t)),
      (x) => x.filter((t) => /^30[1-9]\d*$/.test(t) || /^30[1-9]\d*\D/.test(t)).length >= 2,
    ],
    why: "表头为人员经费、公用经费，行为支出经济分类科目（301、302…）",
  },
  {
    kind: "income_expense_summary",
    tests: [(x) => x.some((t) => /^(本年)?收入(合计|总计)$/.test(t)), (x) => x.some((t) => /^(本年)?支出(合计|总计)$/.test(t))],
    why: "左栏为收入、右栏为支出，各有合计",
  },
  {
    kind: "expense_summary",
    tests: [(x) => x.includes("基本支出"), (x) => x.includes("项目支出"), (x) => x.filter((t) => /^2\d{2}(\d{2}){0,2}$/.test(t)).length >= 1],
    why: "表头为基本支出、项目支出，行为支出功能分类科目",
  },
];

/** The kind a block's structure shows, with why; undefined when it shows none, or more than one. */
export function classifyStructure(view: SheetView, b: BlockBounds): { spec: TableKindSpec; why: string } | undefined {
  const texts = blockTexts(view, b);
  const hits = SIGNATURES.filter((s) => s.tests.every((test) => test(texts)));
  if (hits.length !== 1) return undefined;
  // which funds a table of these shapes covers, only the title can say
  const fiscal = /一般公共预算|财政拨款/.test(b.title);
  const kind =
    hits[0].kind === "expense_summary" && fiscal
      ? "gpb_expense"
      : hits[0].kind === "income_expense_summary" && /财政拨款/.test(b.title)
        ? "fiscal_summary"
        : hits[0].kind;
  return { spec: specOf(kind), why: hits[0].why };
}

/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * No rule id, command-line flag, internal key or unfilled placeholder reaches the officer: every string the
 * pane renders (text, labels, titles) for every fixture is scanned — the check tab with all levels shown and
 * every card opened, the 映射 tab, the generated 情况说明 — and, for every layout variant, the strings the
 * engine hands the pane (messages, notes, table names, reasons, the generated text).
 */
import "./jsdom";
import * as fs from "fs";
import * as path from "path";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import { checkWorkbook, draftNarrative } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { MemoryHost } from "../../src/host/memory/MemoryHost";
import { App } from "../../src/taskpane/App";
import { appTheme } from "../../src/taskpane/theme";
import { FIXTURES } from "../helpers";

/** What must never be shown, each with a name for the failure message. */
const FORBIDDEN: [string, RegExp][] = [
  ["rule id", /\b[RXN]\d{1,2}-[a-z]/],
  ["command-line flag", /(^|[^\w-])--[a-z]/],
  ["internal key", /\b[a-z]{1,6}\.[\u4e00-\u9fff]/],
  ["identifier", /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ["placeholder", /\{[A-Za-z]+\}/],
  ["programming value", /\bundefined\b|\bNaN\b|\bnull\b|\[object /],
];

function offences(strings: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of strings) for (const [what, re] of FORBIDDEN) if (re.test(text)) out.push(`${what}: ${text}`);
  return [...new Set(out)];
}

/** Every text node and every label the document shows or announces. */
function renderedStrings(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
  for (const el of document.body.querySelectorAll("[aria-label],[title],[placeholder]"))
    for (const a of ["aria-label", "title", "placeholder"]) if (el.getAttribute(a)) out.push(el.getAttribute(a) as string);
  return out;
}

/** Opens every folded part of every card (the equations under a suspect, both sides of a cross-sheet equation). */
async function openEverything(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  for (const name of [/^展开 \d+ 个不成立的等式$/, /^对侧$/]) for (const b of screen.queryAllByRole("button", { name })) await user.click(b);
}

const BASE = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""));
const VARIANTS = fs
  .readdirSync(path.join(FIXTURES, "variants"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => `variants/${f.replace(/\.xlsx$/, "")}`);

describe("words the officer sees", () => {
  it("the scan finds what it looks for", () => {
    expect(offences(["R3-expense-row", "见 --prior", "tp.因公出国", "messageId", "{total}", "undefined 万元", "合计 1,234.56 万元"])).toHaveLength(6);
  });

  it.each(BASE)(
    "the pane over %s shows none",
    async (id) => {
      const host = new MemoryHost(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
      const user = userEvent.setup();
      render(
        <FluentProvider theme={appTheme}>
          <App host={host} />
        </FluentProvider>,
      );
      await user.click(screen.getByRole("button", { name: "检查工作簿" }));
      await screen.findByText(/识别到 \d+ 张表/, undefined, { timeout: 60000 });
      const info = screen.getByRole("button", { name: /^尾差 \d+$/ });
      if (info.getAttribute("aria-pressed") !== "true") await user.click(info);
      await openEverything(user);
      const seen = renderedStrings();
      await user.click(screen.getByRole("radio", { name: "按规则" }));
      seen.push(...renderedStrings());
      await user.click(screen.getByRole("tab", { name: "映射" }));
      seen.push(...renderedStrings());
      await user.click(screen.getByRole("tab", { name: "情况说明" }));
      await user.click(screen.getByRole("button", { name: "生成情况说明" }));
      await waitFor(() => expect(screen.queryByRole("button", { name: /插入/ })).toBeTruthy(), { timeout: 60000 });
      await act(async () => {});
      seen.push(...renderedStrings());
      expect(offences(seen)).toEqual([]);
    },
    180000,
  );

  it.each(VARIANTS)("the engine's words for %s have none", async (id) => {
    const result = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
    const draft = draftNarrative(result, []);
    const strings = [
      ...result.findings.flatMap((f) => [f.message, f.suspectNote ?? ""]),
      ...result.model.tables.flatMap((t) => [t.kindName, t.title ?? ""]),
      ...result.model.unrecognized.map((u) => u.reason),
      result.profile?.reason ?? "",
      result.profile?.profile.name ?? "",
      ...draft.sections.flatMap((s) => [s.title, ...s.paragraphs, ...s.notes]),
    ];
    expect(offences(strings)).toEqual([]);
  });
});

/**
 * The batch report as one self-contained HTML page for the reviewer who checked a folder of workbooks:
 * totals, the most frequent rule violations, a sortable summary table (one row per workbook), a section
 * per workbook with its findings grouped by sheet, and the 规则说明 of every rule with a finding (each
 * finding's rule links to it). Inline CSS and JS only: it opens from file:// with no
 * server and no network. Every text from the workbooks is escaped; the script embeds no data.
 */
import type { CellAddress } from "../grid/address";
import { countByLevel, findingsBySheet } from "../engine";
import { qualified } from "../grid/address";
import { RULES, ruleHelp } from "../rules/registry";
import { LEVEL_NAMES, type Finding, type FindingCell, type FindingLevel } from "../rules/types";
import type { BatchFileResult, BatchReport } from "./types";

const LEVEL_CLASS: Record<FindingLevel, string> = { error: "e", warning: "w", info: "i" };
/** How many rules the chart shows. */
const CHART_TOP = 15;
/** How many cells a finding lists before "等 N 个单元格". */
const MAX_CELLS = 8;
/** Length of the worst finding's message in the summary table (the full text is in the title). */
const WORST_CHARS = 42;
const MAX_INPUTS_SHOWN = 5;
/** From this many workbooks on, the browser skips rendering the sections off screen (content-visibility). */
const MANY_FILES = 40;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** At most `max` characters (code points), with "…" when cut. */
function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}

/** "2024-05-01 18:30:00（北京时间）" for an ISO time with a zone; other texts as given. */
function formatTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return iso;
  if (!m[3]) return `${m[1]} ${m[2]}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 8 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}（北京时间）`;
}

function countsOf(f: BatchFileResult): Record<FindingLevel, number> {
  return f.counts ?? countByLevel(f.findings ?? []);
}

type Status = "unreadable" | "errors" | "ok";
const STATUS_TEXT: Record<Status, string> = { unreadable: "无法读取", errors: "需修改", ok: "可以公开" };
/** Sort rank: problems first when ascending. */
const STATUS_RANK: Record<Status, number> = { unreadable: 0, errors: 1, ok: 2 };

function statusOf(f: BatchFileResult): Status {
  if (f.error !== undefined) return "unreadable";
  return countsOf(f).error > 0 ? "errors" : "ok";
}

/** The first error, else the first warning. */
export function worstFinding(findings: Finding[] | undefined): Finding | undefined {
  const list = findings ?? [];
  return list.find((f) => f.level === "error") ?? list.find((f) => f.level === "warning");
}

export interface RuleStat {
  ruleId: string;
  description: string;
  errors: number;
  warnings: number;
  total: number;
  /** Workbooks with at least one such finding. */
  files: number;
}

/** Error and warning findings grouped by rule, most frequent first (ties: more errors, then catalogue order). */
export function ruleStats(report: BatchReport): RuleStat[] {
  const descriptions = new Map(RULES.map((r, i) => [r.meta.id, { description: r.meta.description, order: i }]));
  const stats = new Map<string, RuleStat>();
  for (const file of report.files) {
    const seen = new Set<string>();
    for (const f of file.findings ?? []) {
      if (f.level === "info") continue;
      let s = stats.get(f.ruleId);
      if (!s) {
        s = { ruleId: f.ruleId, description: descriptions.get(f.ruleId)?.description ?? "", errors: 0, warnings: 0, total: 0, files: 0 };
        stats.set(f.ruleId, s);
      }
      if (f.level === "error") s.errors++;
      else s.warnings++;
      s.total++;
      if (!seen.has(f.ruleId)) {
        seen.add(f.ruleId);
        s.files++;
      }
    }
  }
  const order = (id: string) => descriptions.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...stats.values()].sort(
    (a, b) => b.total - a.total || b.errors - a.errors || order(a.ruleId) - order(b.ruleId) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** The unit with its code, the code kept on one line. */
function unitHtml(f: BatchFileResult): string {
  const name = f.unitName ?? "";
  const code = f.unitCode ?? "";
  if (name && code) return `${escapeHtml(name)}<span class="code">（${escapeHtml(code)}）</span>`;
  return escapeHtml(name || code);
}

function unitText(f: BatchFileResult): string {
  const name = f.unitName ?? "";
  const code = f.unitCode ?? "";
  if (name && code) return `${name}（${code}）`;
  return name || code;
}

const dash = '<span class="na">—</span>';

function statusBadge(status: Status, title?: string): string {
  return `<span class="st st-${status}"${title ? ` title="${escapeHtml(title)}"` : ""}>${STATUS_TEXT[status]}</span>`;
}

// ---------------------------------------------------------------- header

function renderHeader(report: BatchReport, withRules: boolean): string {
  const files = report.files;
  const totals: Record<FindingLevel, number> = { error: 0, warning: 0, info: 0 };
  let unreadable = 0;
  let withErrors = 0;
  for (const f of files) {
    const s = statusOf(f);
    if (s === "unreadable") unreadable++;
    if (s === "errors") withErrors++;
    const c = countsOf(f);
    for (const l of ["error", "warning", "info"] as FindingLevel[]) totals[l] += c[l] ?? 0;
  }
  const ok = files.length - unreadable - withErrors;
  const inputs = report.inputs.map((i) => `<code>${escapeHtml(i)}</code>`);
  const inputsHtml =
    inputs.length === 0
      ? dash
      : inputs.length <= MAX_INPUTS_SHOWN
        ? inputs.join("、")
        : `${inputs.slice(0, MAX_INPUTS_SHOWN).join("、")} <details class="more"><summary>等 ${inputs.length} 项，展开全部</summary>${inputs.join("、")}</details>`;
  const stat = (cls: string, label: string, n: number, note = "") =>
    `<div class="stat ${cls}"><div class="num">${n}</div><div class="lbl">${label}${note}</div></div>`;
  return `<header class="top">
<h1>预决算公开审核报告</h1>
<dl class="facts">
<dt>检查对象</dt><dd>${inputsHtml}</dd>
<dt>生成时间</dt><dd><time datetime="${escapeHtml(report.generatedAt)}">${escapeHtml(formatTime(report.generatedAt))}</time></dd>
</dl>
<div class="stats" id="totals">
${stat("files", "检查文件", files.length)}
${stat("unreadable", "无法读取", unreadable)}
${stat("witherr", "有错误的文件", withErrors)}
${stat("okfiles", "可以公开", ok)}
${stat("e", "错误", totals.error, "<small>必须修改</small>")}
${stat("w", "提示", totals.warning, "<small>请核实</small>")}
${stat("i", "尾差", totals.info, "<small>四舍五入，允许范围内</small>")}
</div>
<nav class="toc"><a href="#chart">常见问题</a><a href="#summary">各工作簿汇总</a><a href="#details">各工作簿审核结果</a>${withRules ? '<a href="#rules">规则说明</a>' : ""}</nav>
</header>`;
}

// ---------------------------------------------------------------- chart

function renderChart(report: BatchReport): string {
  const stats = ruleStats(report);
  const head = `<section id="chart" class="block"><h2>最常见的问题<small>（错误和提示按规则统计，前 ${CHART_TOP} 项）</small></h2>`;
  if (stats.length === 0) return `${head}<p class="empty">没有错误或提示。</p></section>`;
  const top = stats.slice(0, CHART_TOP);
  const max = top[0].total;
  const pct = (n: number) => `${((n / max) * 100).toFixed(2)}%`;
  const rows = top.map((s) => {
    const title = `${s.ruleId}${s.description ? `：${s.description}` : ""}`;
    const parts = [s.errors ? `错误 ${s.errors}` : "", s.warnings ? `提示 ${s.warnings}` : ""].filter(Boolean).join("，");
    return `<li data-rule="${escapeHtml(s.ruleId)}"><div class="lab" title="${escapeHtml(title)}">${ruleRef(s.ruleId)} <span class="desc">${escapeHtml(s.description)}</span></div><div class="track" title="${escapeHtml(parts)}"><span class="bars">${s.errors ? `<span class="bar e" style="width:${pct(s.errors)}"></span>` : ""}${s.warnings ? `<span class="bar w" style="width:${pct(s.warnings)}"></span>` : ""}</span><span class="cnt"><b>${s.total}</b> 条 · ${s.files} 个文件</span></div></li>`;
  });
  const rest = stats.length > CHART_TOP ? `<p class="note">另有 ${stats.length - CHART_TOP} 条规则的问题未列出。</p>` : "";
  return `${head}<div class="legend"><span><i class="sw e"></i>错误</span><span><i class="sw w"></i>提示</span></div><ol class="chart">${rows.join("")}</ol>${rest}</section>`;
}

// ---------------------------------------------------------------- summary table

function renderSummary(report: BatchReport): string {
  const th = (label: string, type: "text" | "num", first: "asc" | "desc" = "asc", cls = "") =>
    `<th scope="col" data-type="${type}" data-first="${first}"${cls ? ` class="${cls}"` : ""}><button type="button">${label}</button></th>`;
  const head = `<tr>${th("文件", "text")}${th("单位", "text")}${th("年度", "num", "desc", "n")}${th("类型", "text")}${th("错误", "num", "desc", "n")}${th("提示", "num", "desc", "n")}${th("尾差", "num", "desc", "n")}${th("主要问题", "text")}${th("状态", "num")}</tr>`;
  const rows = report.files.map((f, i) => {
    const status = statusOf(f);
    const link = `<a href="#f-${i + 1}">${escapeHtml(f.path)}</a>`;
    if (status === "unreadable") {
      const reason = f.error ?? "";
      return `<tr class="r-unreadable"><td>${link}</td><td data-v="">${dash}</td><td class="n" data-v="">${dash}</td><td data-v="">${dash}</td><td class="n" data-v="">${dash}</td><td class="n" data-v="">${dash}</td><td class="n" data-v="">${dash}</td><td class="worst reason" title="${escapeHtml(reason)}">${escapeHtml(truncate(reason, WORST_CHARS))}</td><td data-v="${STATUS_RANK[status]}">${statusBadge(status, reason)}</td></tr>`;
    }
    const c = countsOf(f);
    const count = (l: FindingLevel) => `<td class="n${c[l] ? ` ${LEVEL_CLASS[l]}` : " z"}">${c[l]}</td>`;
    const unit = unitText(f);
    const worst = worstFinding(f.findings);
    const worstHtml = worst
      ? `<td class="worst" data-v="${escapeHtml(`${worst.ruleId} ${worst.message}`)}" title="${escapeHtml(`${worst.ruleId}：${worst.message}`)}"><code>${escapeHtml(worst.ruleId)}</code> ${escapeHtml(truncate(worst.message, WORST_CHARS))}</td>`
      : `<td class="worst" data-v="">${c.info ? `<span class="na">仅尾差</span>` : dash}</td>`;
    return `<tr class="r-${status}"><td>${link}</td><td${unit ? "" : ' data-v=""'}>${unit ? unitHtml(f) : dash}</td><td class="n"${f.year == null ? ' data-v=""' : ""}>${f.year ?? dash}</td><td${f.kind ? "" : ' data-v=""'}>${f.kind ? escapeHtml(f.kind) : dash}</td>${count("error")}${count("warning")}${count("info")}${worstHtml}<td data-v="${STATUS_RANK[status]}">${statusBadge(status)}</td></tr>`;
  });
  return `<section id="summary" class="block"><h2>各工作簿汇总<small>（共 ${report.files.length} 个，点击列标题排序）</small></h2>
<table class="summary" id="summary-table">
<colgroup><col class="c-file"><col class="c-unit"><col class="c-year"><col class="c-kind"><col class="c-n"><col class="c-n"><col class="c-n"><col class="c-worst"><col class="c-status"></colgroup>
<thead>${head}</thead>
<tbody>${rows.join("\n")}</tbody>
</table></section>`;
}

// ---------------------------------------------------------------- per workbook

/** Cells as "sheet!A1、B2 ↔ C3" (the sheet named when it changes), the suspect cell marked. */
function cellsHtml(f: Finding): { html: string; title: string } {
  const left = f.cells.filter((c) => c.side !== "right");
  const right = f.cells.filter((c) => c.side === "right");
  const ordered = left.length && right.length ? [...left, ...right] : f.cells;
  const isSuspect = (c: FindingCell) => !!f.suspect && c.sheet === f.suspect.sheet && c.address === f.suspect.address;
  let prevSheet: string | null = null;
  const label = (c: CellAddress) => {
    const t = c.sheet === prevSheet ? c.address : qualified(c.sheet, c.address);
    prevSheet = c.sheet;
    return t;
  };
  const shown = ordered.slice(0, MAX_CELLS);
  const parts: string[] = [];
  shown.forEach((c, i) => {
    const sep = i === 0 ? "" : left.length && right.length && i === left.length ? " ↔ " : "、";
    const t = escapeHtml(label(c));
    parts.push(sep + (isSuspect(c) ? `<mark class="sus" title="可疑单元格">${t}</mark>` : t));
  });
  let html = parts.join("");
  if (ordered.length > MAX_CELLS) html += ` <span class="more-cells">… 等 ${ordered.length} 个单元格</span>`;
  if (f.suspect && !shown.some(isSuspect)) {
    prevSheet = null;
    html += `<br>可疑：<mark class="sus" title="可疑单元格">${escapeHtml(label(f.suspect))}</mark>`;
  }
  if (f.suspect?.proposed !== undefined) html += `<br>可疑单元格应为 <span class="proposed">${escapeHtml(f.suspect.proposed)}</span>`;
  let title = "";
  if (ordered.length > MAX_CELLS) {
    prevSheet = null;
    title = ordered.map(label).join("、");
  }
  if (f.suspectNote) title = title ? `${title}\n${f.suspectNote}` : f.suspectNote;
  return { html, title };
}

function findingRow(f: Finding): string {
  const cells = cellsHtml(f);
  const values = [
    f.expected !== undefined ? `应为 ${escapeHtml(f.expected)}` : "",
    f.actual !== undefined ? `实为 ${escapeHtml(f.actual)}` : "",
    f.difference !== undefined ? `相差 ${escapeHtml(f.difference)}` : "",
  ].filter(Boolean);
  // Kept lean (hundreds of workbooks × dozens of findings): the level is the row's class, columns are styled by position.
  return `<tr class="${LEVEL_CLASS[f.level]}"><td><b>${LEVEL_NAMES[f.level]}</b></td><td>${ruleRef(f.ruleId, false)}</td><td>${escapeHtml(f.message)}</td><td${cells.title ? ` title="${escapeHtml(cells.title)}"` : ""}>${cells.html}</td><td>${values.join("<br>")}</td></tr>`;
}

const FINDINGS_HEAD = `<colgroup><col class="c-lv"><col class="c-rule"><col><col class="c-cells"><col class="c-vals"></colgroup><thead><tr><th scope="col">级别</th><th scope="col">规则</th><th scope="col">说明</th><th scope="col">单元格</th><th scope="col">应为 / 实为</th></tr></thead>`;

function findingsTable(findings: Finding[]): string {
  const body = findingsBySheet(findings).map(([sheet, list]) => {
    const c = countByLevel(list);
    const n = (["error", "warning", "info"] as FindingLevel[])
      .filter((l) => c[l])
      .map((l) => `${LEVEL_NAMES[l]} ${c[l]}`)
      .join("，");
    return `<tr class="sh"><th colspan="5" scope="colgroup">${escapeHtml(sheet)}<small>${n}</small></th></tr>${list.map(findingRow).join("")}`;
  });
  return `<table class="fd">${FINDINGS_HEAD}<tbody>${body.join("")}</tbody></table>`;
}

const CONFIRMED_HEAD = `<colgroup><col class="c-lv"><col class="c-rule"><col><col class="c-cells"><col class="c-vals"></colgroup><thead><tr><th scope="col">级别</th><th scope="col">规则</th><th scope="col">说明</th><th scope="col">单元格</th><th scope="col">核实说明</th></tr></thead>`;

/** The 提示 confirmed in the task pane, with the officer's explanations (a report from the CLI has none). */
function confirmedTable(list: NonNullable<BatchFileResult["confirmed"]>): string {
  const rows = list.map(({ finding: f, explanation, at }) => {
    const cells = cellsHtml(f);
    return `<tr class="${LEVEL_CLASS[f.level]}"><td><b>${LEVEL_NAMES[f.level]}</b></td><td>${escapeHtml(f.ruleId)}</td><td>${escapeHtml(f.message)}</td><td${cells.title ? ` title="${escapeHtml(cells.title)}"` : ""}>${cells.html}</td><td>${escapeHtml(explanation)}<br><small>${escapeHtml(at)} 核实</small></td></tr>`;
  });
  return `<details class="tails" open><summary>已核实的提示 ${list.length} 条（已说明核实结果，不计入上面的数量）</summary><table class="fd">${CONFIRMED_HEAD}<tbody>${rows.join("")}</tbody></table></details>`;
}

function renderFile(f: BatchFileResult, i: number): string {
  const status = statusOf(f);
  const head = `<h3>${statusBadge(status)} <span class="path">${escapeHtml(f.path)}</span></h3>`;
  const back = `<a class="back" href="#summary">↑ 返回汇总表</a>`;
  if (status === "unreadable") {
    return `<section class="file" id="f-${i + 1}">${head}<p class="reason">无法读取：${escapeHtml(f.error ?? "")}</p>${back}</section>`;
  }
  const c = countsOf(f);
  const meta = [
    `单位：${unitText(f) ? escapeHtml(unitText(f)) : "未识别"}`,
    `年度：${f.year ?? "未识别"}`,
    `类型：${f.kind ? escapeHtml(f.kind) : "未识别"}`,
    ...(f.amountUnit ? [`金额单位：${escapeHtml(f.amountUnit)}`] : []),
  ].join(" · ");
  const counts = (["error", "warning", "info"] as FindingLevel[])
    .map((l) => `<span class="cn ${LEVEL_CLASS[l]}${c[l] ? "" : " z"}">${LEVEL_NAMES[l]} ${c[l]}</span>`)
    .join("");
  const findings = f.findings ?? [];
  const main = findings.filter((x) => x.level !== "info");
  const tails = findings.filter((x) => x.level === "info");
  const parts: string[] = [];
  if (main.length) parts.push(findingsTable(main));
  else parts.push(`<p class="empty">${tails.length ? "没有错误或提示。" : "未发现问题。"}</p>`);
  if (tails.length) {
    parts.push(
      `<details class="tails"><summary>尾差 ${tails.length} 条（四舍五入造成，在允许范围内，一般无需修改）</summary>${findingsTable(tails)}</details>`,
    );
  }
  if (f.confirmed?.length) parts.push(confirmedTable(f.confirmed));
  return `<section class="file" id="f-${i + 1}">${head}<p class="meta">${meta}</p><p class="counts">${counts}</p>${parts.join("")}${back}</section>`;
}

// ---------------------------------------------------------------- 规则说明

/** Where a rule's 规则说明 is in the page. */
function ruleAnchor(ruleId: string): string {
  return `rule-${ruleId}`;
}

/** A rule's id, linked to its 规则说明 when the catalogue has one; in <code> unless said otherwise (the findings' rule column sets its own font). */
function ruleRef(ruleId: string, code = true): string {
  const id = code ? `<code>${escapeHtml(ruleId)}</code>` : escapeHtml(ruleId);
  return ruleHelp(ruleId) ? `<a href="#${escapeHtml(ruleAnchor(ruleId))}">${id}</a>` : id;
}

/** The rules with at least one finding (any level) in any workbook, in the catalogue's order. */
function rulesFound(report: BatchReport): string[] {
  const found = new Set<string>();
  for (const file of report.files) for (const f of file.findings ?? []) found.add(f.ruleId);
  return RULES.map((r) => r.meta.id).filter((id) => found.has(id));
}

/** 规则说明: for each rule with a finding, its name, whether it must hold, what it checks and why, and an example. */
function renderRuleHelp(ids: string[]): string {
  const items = ids.map((id) => {
    const h = ruleHelp(id)!;
    return `<dt id="${escapeHtml(ruleAnchor(id))}"><code>${escapeHtml(id)}</code> ${escapeHtml(h.name)}<span class="lvl">${h.level}</span></dt><dd><p>${escapeHtml(h.explanation)}</p><p class="ex"><b>例：</b>${escapeHtml(h.example)}</p></dd>`;
  });
  return `<section id="rules" class="block"><h2>规则说明<small>（本报告中出现的 ${ids.length} 条规则：核对什么、为什么，并举一例）</small></h2><dl class="rules">${items.join("")}</dl></section>`;
}

// ---------------------------------------------------------------- page

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;font-size:14px;line-height:1.55;color:#242424;background:#f5f6f8}
main{max-width:1400px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:24px;margin:0 0 8px}
h2{font-size:18px;margin:0 0 12px}
h2 small{font-size:13px;font-weight:normal;color:#616161;margin-left:4px}
h3{font-size:15px;margin:0 0 6px;overflow-wrap:anywhere}
code{font-family:Consolas,"Liberation Mono",Menlo,monospace;font-size:12.5px}
a{color:#0f5fa8}
.block,.top{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:16px 20px;margin-bottom:16px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px;color:#424242}
.facts dt{color:#707070}.facts dd{margin:0;overflow-wrap:anywhere}
.facts code{background:#f3f3f3;padding:0 4px;border-radius:3px}
details.more{display:inline}details.more summary{display:inline;cursor:pointer;color:#0f5fa8}
.stats{display:flex;flex-wrap:wrap;gap:10px}
.stat{min-width:116px;padding:8px 14px;border-radius:6px;background:#f3f4f6;border-left:4px solid #9e9e9e}
.stat .num{font-size:24px;font-weight:bold;line-height:1.2}
.proposed{white-space:nowrap;font-weight:bold}
.stat .lbl{color:#505050;font-size:13px}.stat small{display:block;color:#757575;font-size:11.5px}
.stat.files{border-color:#0f5fa8}.stat.unreadable{border-color:#605e5c}.stat.witherr{border-color:#c50f1f}.stat.okfiles{border-color:#107c10}
.stat.e{border-color:#c50f1f;background:#fdf0f1}.stat.e .num{color:#b10e1c}
.stat.w{border-color:#e8a400;background:#fff8e6}.stat.w .num{color:#8a5d00}
.stat.i{border-color:#6cb4e8;background:#eef6fc}.stat.i .num{color:#2a6fa5}
.toc{margin-top:12px;display:flex;gap:18px;font-size:13px}
.legend{display:flex;gap:16px;font-size:12.5px;color:#505050;margin:-4px 0 8px}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.sw.e,.bar.e{background:#d13438}.sw.w,.bar.w{background:#f0b323}
ol.chart{list-style:none;margin:0;padding:0}
ol.chart li{display:grid;grid-template-columns:minmax(0,52%) minmax(0,1fr);gap:14px;align-items:center;padding:4px 0;border-bottom:1px solid #f0f0f0}
ol.chart .lab{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;line-height:1.45}
ol.chart .lab code{font-weight:bold;color:#242424}
ol.chart .desc{color:#616161;font-size:13px}
.track{display:flex;align-items:center;min-width:0}
.bars{flex:1 1 auto;min-width:0;display:flex}
.bar{display:block;height:16px;flex:none}
.bar.e+.bar.w{border-left:1px solid #fff}
.bar:first-child{border-radius:2px 0 0 2px}
.cnt{white-space:nowrap;margin-left:8px;width:10.5em;font-size:12.5px;color:#505050;flex:none}.cnt b{color:#242424;font-size:14px}
.note,.empty{color:#616161;margin:8px 0 0}
table{border-collapse:collapse;width:100%}
table.summary{min-width:1000px;table-layout:fixed}
.c-file{width:20%}.c-unit{width:17%}.c-year{width:62px}.c-kind{width:56px}.c-n{width:56px}.c-worst{width:auto}.c-status{width:96px}
table.summary th,table.summary td{padding:5px 8px;border-bottom:1px solid #e6e6e6;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.summary .code{white-space:nowrap}
table.summary thead th{position:sticky;top:0;background:#f0f2f5;z-index:1;border-bottom:2px solid #c8c8c8;padding:0}
table.summary th button{all:unset;box-sizing:border-box;display:block;width:100%;padding:7px 8px;cursor:pointer;font-weight:bold;white-space:nowrap}
table.summary th button:focus-visible{outline:2px solid #0f5fa8;outline-offset:-2px}
table.summary th button::after{content:"⇅";color:#a0a0a0;font-weight:normal;margin-left:4px;font-size:12px}
table.summary th[aria-sort=ascending] button::after{content:"▲";color:#0f5fa8}
table.summary th[aria-sort=descending] button::after{content:"▼";color:#0f5fa8}
table.summary th.n button{text-align:right}
table.summary td.n{text-align:right;font-variant-numeric:tabular-nums;word-break:normal}
table.summary tbody tr:hover{background:#f5f9fd}
table.summary tr.r-unreadable{background:#f7f7f7}
td.n.e{color:#b10e1c;font-weight:bold}td.n.w{color:#8a5d00;font-weight:bold}td.n.i{color:#2a6fa5}td.n.z{color:#b0b0b0}
td.worst{color:#424242;font-size:13px}td.worst code{color:#242424}
td.reason,p.reason{color:#5c2e00}
.na{color:#a8a8a8}
.st{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;font-weight:bold;white-space:nowrap}
.st-ok{background:#dff6dd;color:#0e700e}.st-errors{background:#fde7e9;color:#b10e1c}.st-unreadable{background:#e1dfdd;color:#323130}
#details>h2{margin:8px 0 12px}
section.file{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:14px 20px;margin-bottom:14px}
.many section.file{content-visibility:auto;contain-intrinsic-size:auto 320px}
section.file:target{border-color:#0f5fa8;box-shadow:0 0 0 2px #c7def3}
section.file h3 .path{vertical-align:middle}
.meta{margin:0;color:#505050}
.counts{margin:4px 0 10px;display:flex;gap:8px}
.cn{font-size:12.5px;padding:0 8px;border-radius:3px}
.cn.e{background:#fde7e9;color:#a4262c}.cn.w{background:#fff4ce;color:#7a5400}.cn.i{background:#e5f1fb;color:#245e8f}.cn.z{background:#f3f3f3;color:#9a9a9a}
table.fd{table-layout:fixed;font-size:13px;margin-bottom:6px}
.c-lv{width:54px}.c-rule{width:214px}.c-cells{width:220px}.c-vals{width:130px}
table.fd th,table.fd td{padding:4px 8px;border-bottom:1px solid #ececec;text-align:left;vertical-align:top}
table.fd td:first-child>b{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap;border:1px solid}
table.fd tr.e>td:first-child>b{background:#fde7e9;color:#a4262c;border-color:#f1bbbc}
table.fd tr.w>td:first-child>b{background:#fff4ce;color:#7a5400;border-color:#f5d77f}
table.fd tr.i>td:first-child>b{background:#e5f1fb;color:#245e8f;border-color:#b9d9f2}
table.fd td:nth-child(2){font-family:Consolas,"Liberation Mono",Menlo,monospace;font-size:12.5px;overflow-wrap:anywhere}
table.fd thead th{background:#fafafa;color:#616161;font-weight:normal;font-size:12.5px}
table.fd tr.sh th{background:#f2f5f9;color:#242424;font-weight:bold;padding-top:6px;overflow-wrap:anywhere}
table.fd tr.sh small{font-weight:normal;color:#616161;margin-left:10px}
table.fd td:nth-child(4){overflow-wrap:anywhere;color:#333}
table.fd td:nth-child(5){color:#424242;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
mark.sus{background:#ffd9db;color:#8e0d18;font-weight:bold;padding:0 2px;border-radius:2px}
mark.sus::before{content:"⚠";margin-right:2px}
.more-cells{color:#757575}
details.tails{margin-top:8px}
details.tails>summary{cursor:pointer;color:#245e8f;padding:4px 0;font-size:13px}
details.tails>table{margin-top:4px}
.back{display:inline-block;margin-top:6px;font-size:12.5px}
table.fd td:nth-child(2) a,ol.chart .lab a{color:inherit;text-decoration:none}table.fd td:nth-child(2) a:hover,ol.chart .lab a:hover{text-decoration:underline}
dl.rules{margin:0}
dl.rules dt{margin-top:12px;overflow-wrap:anywhere}dl.rules dt code{font-weight:bold;margin-right:4px}dl.rules dt:first-child{margin-top:0}
dl.rules dt:target{background:#eef6fc}
dl.rules .lvl{font-weight:normal;font-size:12px;color:#616161;border:1px solid #d0d0d0;border-radius:3px;padding:0 5px;margin-left:8px;white-space:nowrap}
dl.rules dd{margin:2px 0 0 0;padding-left:14px;border-left:3px solid #e0e6ee;color:#333}
dl.rules dd p{margin:2px 0}dl.rules .ex{color:#505050}
footer{color:#757575;font-size:12.5px;margin-top:20px}
@media print{body{background:#fff}.many section.file{content-visibility:visible}table.fd tr{break-inside:avoid}.toc,.back{display:none}table.summary thead th{position:static}}
`;

/** Sorting of the summary table: numeric or collated text, stable, toggling, aria-sort; the data stays in the HTML. */
const SCRIPT = `
(function () {
  var table = document.getElementById("summary-table");
  if (!table || !table.tHead || !table.tBodies.length) return;
  var heads = table.tHead.rows[0].cells;
  var body = table.tBodies[0];
  var collator = window.Intl && Intl.Collator ? new Intl.Collator("zh-CN", { numeric: true }) : null;
  var current = { col: -1, dir: 1 };
  function keyOf(td, numeric) {
    var v = td.hasAttribute("data-v") ? td.getAttribute("data-v") : td.textContent;
    v = (v || "").trim();
    if (v === "") return null;
    if (!numeric) return v;
    var n = Number(v);
    return isNaN(n) ? null : n;
  }
  function sortBy(col) {
    var th = heads[col];
    var numeric = th.getAttribute("data-type") === "num";
    var dir = current.col === col ? -current.dir : th.getAttribute("data-first") === "desc" ? -1 : 1;
    var items = [];
    for (var i = 0; i < body.rows.length; i++) {
      var tr = body.rows[i];
      items.push({ tr: tr, key: keyOf(tr.cells[col], numeric), index: i });
    }
    items.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === null && b.key === null) return a.index - b.index;
        return a.key === null ? 1 : -1;
      }
      var c = numeric ? a.key - b.key : collator ? collator.compare(a.key, b.key) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return c !== 0 ? c * dir : a.index - b.index;
    });
    var frag = document.createDocumentFragment();
    for (var j = 0; j < items.length; j++) frag.appendChild(items[j].tr);
    body.appendChild(frag);
    for (var k = 0; k < heads.length; k++) heads[k].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    current = { col: col, dir: dir };
  }
  table.tHead.addEventListener("click", function (e) {
    var el = e.target;
    while (el && el.tagName !== "TH") el = el.parentNode;
    if (!el) return;
    for (var i = 0; i < heads.length; i++) if (heads[i] === el) sortBy(i);
  });
})();
`;

export function renderHtmlReport(report: BatchReport): string {
  const sections = report.files.map(renderFile).join("\n");
  const rules = rulesFound(report);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>预决算公开审核报告</title>
<style>${CSS}</style>
</head>
<body${report.files.length >= MANY_FILES ? ' class="many"' : ""}>
<main>
${renderHeader(report, rules.length > 0)}
${renderChart(report)}
${renderSummary(report)}
<div id="details"><h2>各工作簿审核结果</h2>
${report.files.length ? sections : '<p class="empty">没有检查任何文件。</p>'}
</div>
${rules.length ? renderRuleHelp(rules) : ""}
<footer>错误：勾稽关系不成立或内容矛盾，公开前必须修改；提示：可能有误，请核实后说明；尾差：四舍五入造成的差异，在允许范围内。本报告由预决算审核助手生成，可离线打开。</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

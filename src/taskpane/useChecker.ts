/**
 * The task pane's state and actions over a host: one check result shared by the three tabs, the
 * settings kept in the workbook, and the live re-check. Components only render what this returns.
 */
import type { CellAddress } from "../grid/address";
import { useCallback, useEffect, useRef, useState } from "react";
import { checkAndHighlight, DEFAULT_SHOWN, findingKey, marksToPaint, openFindings, type CheckOutcome, type ShownLevels } from "../addin/check";
import type { CellEdit } from "../grid/edit";
import type { AddinSettings, BudgetHost, EditRefusal, MappingOverride } from "../host/types";
import type { Finding } from "../rules/types";

export interface Busy {
  what: string;
  done?: number;
  total?: number;
}

export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

/** Why a host refused an edit, as the officer is told. */
const REFUSALS: Record<EditRefusal["reason"], string> = {
  formula: " 是公式单元格，加载项不修改公式",
  changed: " 的内容在检查后已被修改，请重新检查后再试",
  protected: " 所在工作表受保护",
  missing: " 不存在",
};

/** How long the workbook must stay unchanged before the live re-check runs. */
export const LIVE_CHECK_DELAY_MS = 1500;

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Live re-check: off by default; debounced; the host leaves out the add-in's own writes. */
function useLiveCheck(host: BudgetHost | null, live: boolean, check: () => Promise<unknown>, setNotice: (n: Notice) => void): void {
  useEffect(() => {
    if (!host || !live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let stopped = false;
    host
      .onUserChange(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void check(), LIVE_CHECK_DELAY_MS);
      })
      .then((u) => (stopped ? u() : (unsubscribe = u)))
      .catch((e) => setNotice({ intent: "warning", text: `无法监听工作表修改，自动重新检查不可用：${errorText(e)}` }));
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [host, live, check, setNotice]);
}

/** The levels shown and the cells marked: only the shown levels' cells are painted, and the count follows. */
function useMarks(host: BudgetHost | null, outcome: CheckOutcome | null, settings: AddinSettings | null, setNotice: (n: Notice) => void) {
  const [shown, setShownLevels] = useState<ShownLevels>(DEFAULT_SHOWN);
  /** How many cells are marked now (after a check, a change of the levels shown, or 清除标记). */
  const [marked, setMarked] = useState(0);
  /** Shows these levels and paints only their cells (尾差 shown: painted; hidden: unpainted). */
  const setShown = useCallback(
    async (next: ShownLevels) => {
      setShownLevels(next);
      if (!host || !outcome || !settings) return;
      try {
        const marks = marksToPaint(outcome.findings, settings, next, outcome.snapshot);
        await host.highlight(marks);
        setMarked(marks.length);
      } catch (e) {
        setNotice({ intent: "error", text: `标记单元格失败：${errorText(e)}` });
      }
    },
    [host, outcome, settings, setNotice],
  );
  return { shown, setShown, marked, setMarked };
}

/** The officer's corrections, each saved in the workbook and followed by a new check: 核实 of a 提示, and mapping corrections. */
function useCorrections(
  host: BudgetHost | null,
  settings: AddinSettings | null,
  saveSettings: (next: AddinSettings) => Promise<void>,
  check: () => Promise<CheckOutcome | null>,
) {
  /** Saves the settings as `change` makes them and checks again (核实, mapping corrections). */
  const updateAndCheck = useCallback(
    async (change: (s: AddinSettings) => AddinSettings) => {
      if (!settings) return;
      await saveSettings(change(settings));
      await check();
    },
    [settings, saveSettings, check],
  );

  /** Confirms a 提示 with the officer's explanation, then re-marks without it. */
  const confirm = useCallback(
    async (f: Finding, explanation: string) => {
      if (!host) return;
      const entry = { key: findingKey(f), ruleId: f.ruleId, message: f.message, explanation, at: new Date().toISOString().slice(0, 10) };
      await updateAndCheck((s) => ({ ...s, confirmed: [...s.confirmed.filter((c) => c.key !== entry.key), entry] }));
    },
    [host, updateAndCheck],
  );

  const unconfirm = useCallback((key: string) => updateAndCheck((s) => ({ ...s, confirmed: s.confirmed.filter((c) => c.key !== key) })), [updateAndCheck]);

  const setMapping = useCallback((mapping: MappingOverride[]) => updateAndCheck((s) => ({ ...s, mapping })), [updateAndCheck]);

  return { confirm, unconfirm, setMapping };
}

/**
 * Writes edits the officer accepted (all or none; never a formula cell) and checks again; says in
 * Chinese why nothing was written when a cell was refused. The returned function says whether they were written.
 */
function useEdits(host: BudgetHost | null, check: () => Promise<unknown>, setNotice: (n: Notice) => void) {
  return useCallback(
    async (edits: CellEdit[], done: string): Promise<boolean> => {
      if (!host) return false;
      try {
        const r = await host.applyEdits(edits);
        if (r.status === "refused") {
          setNotice({ intent: "warning", text: `未修改：${r.refused.map((x) => `${x.cell.sheet}!${x.cell.address}${REFUSALS[x.reason]}`).join("；")}。` });
          return false;
        }
        await check();
        setNotice({ intent: "success", text: done });
        return true;
      } catch (e) {
        setNotice({ intent: "error", text: `修改单元格失败：${errorText(e)}` });
        return false;
      }
    },
    [host, check, setNotice],
  );
}

export function useChecker(host: BudgetHost | null) {
  const [settings, setSettings] = useState<AddinSettings | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = useRef(false);
  const marks = useMarks(host, outcome, settings, setNotice);
  const { shown, setMarked } = marks;

  useEffect(() => {
    if (!host) return;
    host.loadSettings().then(setSettings, (e) => setNotice({ intent: "error", text: `读取加载项设置失败：${errorText(e)}` }));
  }, [host]);

  const check = useCallback(async (): Promise<CheckOutcome | null> => {
    if (!host || running.current) return null;
    running.current = true;
    setBusy({ what: "check" });
    try {
      const result = await checkAndHighlight(host, (done, total, what) => setBusy({ what, done, total }), shown);
      setOutcome(result);
      setMarked(result.marked);
      setSettings(result.settings);
      setNotice(null);
      return result;
    } catch (e) {
      setNotice({ intent: "error", text: `检查失败：${errorText(e)}` });
      return null;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, [host, shown]);

  const saveSettings = useCallback(
    async (next: AddinSettings) => {
      if (!host) return;
      await host.saveSettings(next);
      setSettings(next);
    },
    [host],
  );

  const clearMarks = useCallback(async (): Promise<number> => {
    if (!host) return 0;
    try {
      const n = await host.clearHighlights();
      setMarked(0);
      return n;
    } catch (e) {
      setNotice({ intent: "error", text: `清除标记失败：${errorText(e)}` });
      return 0;
    }
  }, [host]);

  const jump = useCallback(
    async (cells: CellAddress[]) => {
      if (!host || cells.length === 0) return;
      try {
        await host.select(cells);
      } catch (e) {
        setNotice({ intent: "error", text: `无法定位到单元格：${errorText(e)}` });
      }
    },
    [host],
  );

  const corrections = useCorrections(host, settings, saveSettings, check);

  const applyEdits = useEdits(host, check, setNotice);

  useLiveCheck(host, settings?.liveCheck ?? false, check, setNotice);

  const selection = useCallback(async () => (host ? host.getSelection() : null), [host]);

  const visible = outcome && settings ? openFindings(outcome.findings, settings) : [];

  return { settings, saveSettings, outcome, visible, ...marks, ...corrections, applyEdits, busy, notice, setNotice, check, clearMarks, jump, selection, host };
}

export type Checker = ReturnType<typeof useChecker>;

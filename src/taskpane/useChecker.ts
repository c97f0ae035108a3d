/**
 * The task pane's state and actions over a host: one check result shared by the three tabs, the
 * settings kept in the workbook, and the live re-check. Components only render what this returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkAndHighlight, findingKey, openFindings, type CheckOutcome } from "../addin/check";
import type { AddinSettings, BudgetHost, MappingOverride } from "../host/types";
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

/** How long the workbook must stay unchanged before the live re-check runs. */
export const LIVE_CHECK_DELAY_MS = 1500;

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useChecker(host: BudgetHost | null) {
  const [settings, setSettings] = useState<AddinSettings | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = useRef(false);

  useEffect(() => {
    if (!host) return;
    host.loadSettings().then(setSettings, (e) => setNotice({ intent: "error", text: `读取加载项设置失败：${errorText(e)}` }));
  }, [host]);

  const check = useCallback(async (): Promise<CheckOutcome | null> => {
    if (!host || running.current) return null;
    running.current = true;
    setBusy({ what: "check" });
    try {
      const result = await checkAndHighlight(host, (done, total, what) => setBusy({ what, done, total }));
      setOutcome(result);
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
  }, [host]);

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
      return await host.clearHighlights();
    } catch (e) {
      setNotice({ intent: "error", text: `清除标记失败：${errorText(e)}` });
      return 0;
    }
  }, [host]);

  const jump = useCallback(
    async (cells: { sheet: string; address: string }[]) => {
      if (!host || cells.length === 0) return;
      try {
        await host.select(cells);
      } catch (e) {
        setNotice({ intent: "error", text: `无法定位到单元格：${errorText(e)}` });
      }
    },
    [host],
  );

  /** Confirms a 提示 with the officer's explanation, then re-marks without it. */
  const confirm = useCallback(
    async (f: Finding, explanation: string) => {
      if (!host || !settings) return;
      const entry = { key: findingKey(f), ruleId: f.ruleId, message: f.message, explanation, at: new Date().toISOString().slice(0, 10) };
      await saveSettings({ ...settings, confirmed: [...settings.confirmed.filter((c) => c.key !== entry.key), entry] });
      await check();
    },
    [host, settings, saveSettings, check],
  );

  const unconfirm = useCallback(
    async (key: string) => {
      if (!settings) return;
      await saveSettings({ ...settings, confirmed: settings.confirmed.filter((c) => c.key !== key) });
      await check();
    },
    [settings, saveSettings, check],
  );

  const setMapping = useCallback(
    async (mapping: MappingOverride[]) => {
      if (!settings) return;
      await saveSettings({ ...settings, mapping });
      await check();
    },
    [settings, saveSettings, check],
  );

  // live re-check: off by default; debounced; the host leaves out the add-in's own writes
  const live = settings?.liveCheck ?? false;
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
  }, [host, live, check]);

  const selection = useCallback(async () => (host ? host.getSelection() : null), [host]);

  const visible = outcome && settings ? openFindings(outcome.findings, settings) : [];

  return { settings, saveSettings, outcome, visible, busy, notice, setNotice, check, clearMarks, jump, confirm, unconfirm, setMapping, selection, host };
}

export type Checker = ReturnType<typeof useChecker>;

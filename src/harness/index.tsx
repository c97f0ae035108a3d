/**
 * The harness page: the task pane beside a simple grid of the workbook, outside Excel. The workbook is
 * read by the harness server (scripts/harness.ts) with the CLI's file host and held by a MemoryHost;
 * settings are kept per file in the browser's localStorage, as Excel keeps them in the workbook.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { snapshotFromJson } from "../grid/wire";
import type { AddinSettings } from "../host/types";
import { MemoryHost, type SettingsStore } from "../host/memory/MemoryHost";
import { App } from "../taskpane/App";
import { appTheme } from "../taskpane/theme";
import { SheetGrid } from "./SheetGrid";

/* global document, window, localStorage, fetch */

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh" },
  workbook: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: "#217346",
    color: "#fff",
  },
  file: { flexGrow: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  tabs: { overflowX: "auto", backgroundColor: "#f3f3f3", flexShrink: 0 },
  pane: { width: "350px", flexShrink: 0, overflowY: "auto" },
});

function localStore(file: string): SettingsStore {
  const key = `预决算审核助手:${file}`;
  return {
    load: () => {
      const text = localStorage.getItem(key);
      return text ? (JSON.parse(text) as AddinSettings) : undefined;
    },
    save: (s) => localStorage.setItem(key, JSON.stringify(s)),
  };
}

async function fetchWorkbook(init: { file?: string; upload?: File }): Promise<MemoryHost> {
  const res = init.upload
    ? await fetch("/api/workbook", { method: "POST", headers: { "x-file-name": encodeURIComponent(init.upload.name) }, body: init.upload })
    : await fetch(`/api/workbook${init.file ? `?file=${encodeURIComponent(init.file)}` : ""}`);
  const text = await res.text();
  if (!res.ok) throw new Error((JSON.parse(text) as { error: string }).error);
  const wb = snapshotFromJson(text);
  return new MemoryHost(wb, localStore(wb.name));
}

function SheetTabs({ host }: { host: MemoryHost }) {
  const styles = useStyles();
  useSyncExternalStore(
    (cb) => host.subscribe(cb),
    () => host.version,
  );
  return (
    <TabList className={styles.tabs} size="small" selectedValue={host.activeSheet} onTabSelect={(_, d) => host.activate(String(d.value))} aria-label="工作表">
      {host.workbook.sheets.map((s) => (
        <Tab key={s.name} value={s.name}>
          {s.name}
        </Tab>
      ))}
    </TabList>
  );
}

function Harness() {
  const styles = useStyles();
  const [host, setHost] = useState<MemoryHost | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback(async (init: { file?: string; upload?: File }) => {
    setLoading(true);
    try {
      setHost(await fetchWorkbook(init));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void open({ file: new URLSearchParams(window.location.search).get("file") ?? undefined });
  }, [open]);

  return (
    <div className={styles.page}>
      <div className={styles.workbook}>
        <div className={styles.bar}>
          <strong>预决算审核助手 · 浏览器试用</strong>
          <Caption1 className={styles.file}>{host?.workbook.name ?? ""}</Caption1>
          <Button size="small" onClick={() => fileInput.current?.click()}>
            打开工作簿…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            hidden
            aria-label="打开工作簿"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void open({ upload: f });
              e.target.value = "";
            }}
          />
        </div>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {loading && <Spinner label="正在读取工作簿…" />}
        {host && <SheetTabs host={host} />}
        {host && <SheetGrid host={host} />}
      </div>
      <aside className={styles.pane} aria-label="任务窗格">
        {host && <App key={host.workbook.name} host={host} />}
      </aside>
    </div>
  );
}

createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={appTheme} style={{ height: "100%" }}>
    <Harness />
  </FluentProvider>,
);

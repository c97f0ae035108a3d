import { useState } from "react";
import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { BudgetHost } from "../host/types";
import { CheckTab } from "./CheckTab";
import { strings, type Lang } from "../addin/i18n";
import { MappingTab } from "./MappingTab";
import { NarrativeTab } from "./NarrativeTab";
import { useChecker } from "./useChecker";

export interface AppProps {
  /** The workbook's host: Excel, or the harness's in-memory workbook; null in a bare browser preview. */
  host: BudgetHost | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  header: { display: "flex", justifyContent: "flex-end" },
});

type TabId = "check" | "mapping" | "narrative";

export function App({ host }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>("zh");
  const [tab, setTab] = useState<TabId>("check");
  const s = strings(lang);
  const checker = useChecker(host);

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      {/* (no title: Office shows the add-in's name in the pane's own caption) */}
      <header className={styles.header}>
        <Button size="small" appearance="subtle" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {s.switchLanguage}
        </Button>
      </header>
      {!host && (
        <>
          <Body1>{s.appIntro}</Body1>
          <MessageBar intent="warning">
            <MessageBarBody>{s.noHost}</MessageBarBody>
          </MessageBar>
        </>
      )}
      {checker.notice && (
        <MessageBar intent={checker.notice.intent} role={checker.notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{checker.notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label="关闭" onClick={() => checker.setNotice(null)}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      {host && (
        <>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
            <Tab value="check">{s.tabCheck}</Tab>
            <Tab value="mapping">{s.tabMapping}</Tab>
            <Tab value="narrative">{s.tabNarrative}</Tab>
          </TabList>
          {tab === "check" && <CheckTab checker={checker} s={s} />}
          {tab === "mapping" && <MappingTab checker={checker} s={s} />}
          {tab === "narrative" && <NarrativeTab checker={checker} s={s} />}
        </>
      )}
    </main>
  );
}

import {
  Body1,
  MessageBar,
  MessageBarBody,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

/* global Office */

export interface AppProps {
  /** Office host reported by Office.onReady; null when the page runs outside Office. */
  host: Office.HostType | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
  },
  logo: {
    width: "40px",
    height: "40px",
    flexShrink: 0,
  },
});

function hostMessage(host: Office.HostType | null): { intent: "success" | "warning"; text: string } {
  // typeof guard: index.tsx also renders when office.js itself failed to load.
  if (typeof Office !== "undefined" && host === Office.HostType.Excel) {
    return { intent: "success", text: "已连接 Excel" };
  }
  if (host === null) {
    return { intent: "warning", text: "未在 Excel 中运行：浏览器预览模式" };
  }
  return { intent: "warning", text: `当前宿主为 ${host}，本加载项仅支持 Excel` };
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const status = hostMessage(host);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/logo-filled.png" alt="" />
        <Title2 as="h1">预决算审核助手</Title2>
      </header>
      <Body1>检查部门预算、决算公开表格的勾稽关系与填报规范，并在工作簿中标记问题。</Body1>
      <MessageBar intent={status.intent}>
        <MessageBarBody>{status.text}</MessageBarBody>
      </MessageBar>
    </main>
  );
}

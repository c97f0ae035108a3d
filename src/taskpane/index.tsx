import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { BudgetHost } from "../host/types";
import { ExcelHost } from "../host/excel/excelHost";
import { App } from "./App";
import { appTheme } from "./theme";

/* global document, Office */

function mount(host: BudgetHost | null): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("taskpane.html has no #container element");
  }
  createRoot(container).render(
    <FluentProvider theme={appTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // office.js failed to load (e.g. the page was opened from a bare file server): still show the preview.
  mount(null);
} else {
  // Outside an Office host, onReady resolves with host === null: a bare preview (the harness page has its own entry).
  void Office.onReady((info) => mount(info.host === Office.HostType.Excel ? new ExcelHost() : null));
}

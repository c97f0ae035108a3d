import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { App } from "./App";

/* global document, Office */

/** Fluent's web light theme with a CJK-capable font stack (the stock stack has no Chinese fonts). */
const appTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
};

function mount(host: Office.HostType | null): void {
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
  // Outside an Office host, onReady resolves with host === null.
  Office.onReady((info) => mount(info.host ?? null));
}

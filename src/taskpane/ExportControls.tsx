/**
 * 导出审核结果: the pane's check written into the workbook as a 审核结果 sheet, or downloaded as the CLI's
 * HTML report. Both wait for a check. Where the task pane cannot download (Excel on Mac and iPad ignore a
 * download link), the report is copied to the clipboard, or shown for the officer to copy.
 */
import { useState } from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { exportResultSheet, reportFileName, reportHtml } from "../addin/export";
import type { Strings } from "../addin/i18n";
import { errorText, type Checker } from "./useChecker";

/* global document, navigator, URL, Blob, setTimeout */

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  text: { width: "100%" },
});

/** Offers a text as a file: a Blob behind a download link, clicked. */
function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The two exports over the checker's last check, and the report's text when it can only be shown. */
function useExport(checker: Checker, s: Strings) {
  const [exporting, setExporting] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const { host, outcome } = checker;
  const settings = checker.settings ?? outcome?.settings ?? null;

  const toSheet = async () => {
    if (!host || !outcome || !settings) return;
    setExporting(true);
    try {
      const r = await exportResultSheet(host, outcome, settings);
      checker.setNotice({ intent: "success", text: s.exported(r.sheet, r.rows) + (r.kept ? s.exportKept(r.kept) : "") });
    } catch (e) {
      checker.setNotice({ intent: "error", text: s.exportFailed(errorText(e)) });
    } finally {
      setExporting(false);
    }
  };

  const download = async () => {
    if (!host || !outcome || !settings) return;
    let file = "";
    let html = "";
    try {
      html = reportHtml(outcome, settings);
      file = reportFileName(outcome);
      if (host.canDownload) {
        downloadFile(file, html, "text/html;charset=utf-8");
        setShown(null);
        checker.setNotice({ intent: "success", text: s.downloaded(file) });
        return;
      }
      // (still inside the click: the clipboard accepts a write from a user's gesture)
      await navigator.clipboard.writeText(html);
      setShown(null);
      checker.setNotice({ intent: "success", text: s.reportCopied(file) });
    } catch (e) {
      if (!html) return checker.setNotice({ intent: "error", text: s.downloadFailed(errorText(e)) });
      setShown(html);
      checker.setNotice({ intent: "warning", text: s.reportShown(file) });
    }
  };

  return { exporting, shown, toSheet, download, ready: Boolean(host && outcome && settings) };
}

export function ExportControls({ checker, s }: { checker: Checker; s: Strings }) {
  const styles = useStyles();
  const { exporting, shown, toSheet, download, ready } = useExport(checker, s);
  const disabled = !ready || exporting || checker.busy !== null;
  return (
    <>
      <div className={styles.row} role="group" aria-label={s.exportActions}>
        <Button size="small" onClick={() => void toSheet()} disabled={disabled}>
          {exporting ? s.exporting : s.exportSheet}
        </Button>
        <Button size="small" onClick={() => void download()} disabled={disabled}>
          {s.downloadHtml}
        </Button>
      </div>
      {shown !== null && (
        <Field label={s.reportText}>
          <Textarea className={styles.text} readOnly value={shown} resize="vertical" onFocus={(e) => e.currentTarget.select()} />
        </Field>
      )}
    </>
  );
}

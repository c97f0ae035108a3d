/**
 * The questions the 情况说明 tab asks before it writes: slots still unfilled (insert or copy anyway, or go
 * back), the officer's own text in the target sheet (replace it, append below it, or write a new sheet),
 * and lines of the add-in's text she edited since (replace them or not).
 */
import { useRef } from "react";
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ExistingText } from "../host/types";
import type { ReasonSlot } from "../narrative/reasons";
import type { Strings } from "../addin/i18n";

const useStyles = makeStyles({
  choices: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
    marginTop: tokens.spacingVerticalS,
  },
  actions: { display: "flex", flexWrap: "wrap", justifyContent: "flex-end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** What a dialog shows: the value it was opened with, kept while it closes (its content does not change as it fades out). */
function useShown<T>(value: T | null): T | null {
  const last = useRef(value);
  if (value !== null) last.current = value;
  return value ?? last.current;
}

/** At most `n` cells named, then an ellipsis. */
function someCells(cells: string[], n = 6): string {
  return cells.slice(0, n).join("、") + (cells.length > n ? "…" : "");
}

export interface UnfilledRequest {
  action: "insert" | "copy";
  slots: ReasonSlot[];
}

/** “还有 3 处未填写：…” before the text goes into the workbook or the clipboard. */
export function UnfilledDialog({ s, request, onGoOn, onBack }: { s: Strings; request: UnfilledRequest | null; onGoOn: () => void; onBack: () => void }) {
  const styles = useStyles();
  const shown = useShown(request);
  const slots = shown?.slots ?? [];
  const list = slots.map((x) => s.unfilledSlot(x.item, x.kind === "use" ? s.useSlot : s.reasonSlot)).join("、");
  return (
    <Dialog open={request !== null} onOpenChange={(_, d) => !d.open && onBack()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.unfilledTitle}</DialogTitle>
          <DialogContent>{s.unfilledPrompt(slots.length, list)}</DialogContent>
          <DialogActions fluid className={styles.actions}>
            <Button onClick={onGoOn}>{shown?.action === "copy" ? s.copyAnyway : s.insertAnyway}</Button>
            <Button appearance="primary" onClick={onBack}>
              {s.backToFill}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface Occupied {
  sheet: string;
  cells: string[];
}

/** The target sheet holds the officer's own text: where the generated text goes is hers to say. */
export function OccupiedDialog({
  s,
  occupied,
  onChoose,
  onCancel,
}: {
  s: Strings;
  occupied: Occupied | null;
  onChoose: (e: ExistingText) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const shown = useShown(occupied);
  const cells = shown?.cells ?? [];
  const choices: [ExistingText, string, string][] = [
    ["replace", s.replaceExisting, s.replaceExistingHint],
    ["append", s.appendExisting, s.appendExistingHint],
    ["newSheet", s.newSheet, s.newSheetHint],
  ];
  return (
    <Dialog open={occupied !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.occupiedTitle(shown?.sheet ?? "")}</DialogTitle>
          <DialogContent>
            {s.occupiedPrompt(cells.length, someCells(cells))}
            <div className={styles.choices}>
              {choices.map(([id, label, hint]) => (
                <div key={id} style={{ display: "contents" }}>
                  <Button appearance={id === "append" ? "primary" : "secondary"} onClick={() => onChoose(id)}>
                    {label}
                  </Button>
                  <Caption1>{hint}</Caption1>
                </div>
              ))}
            </div>
          </DialogContent>
          <DialogActions fluid className={styles.actions}>
            <Button onClick={onCancel}>{s.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Asks before the insert replaces lines the officer edited in the add-in's own text. */
export function ConflictDialog({ s, cells, onReplace, onCancel }: { s: Strings; cells: string[] | null; onReplace: () => void; onCancel: () => void }) {
  const shown = useShown(cells);
  return (
    <Dialog open={cells !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.editedTitle}</DialogTitle>
          <DialogContent>{s.editedPrompt(someCells(shown ?? [], 8))}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onReplace}>
              {s.replace}
            </Button>
            <Button onClick={onCancel}>{s.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

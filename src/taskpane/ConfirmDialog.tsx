import { useState } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea } from "@fluentui/react-components";
import type { Finding, SuspectCell } from "../rules/types";
import type { Strings } from "../addin/i18n";

export interface ConfirmDialogProps {
  finding: Finding | null;
  s: Strings;
  onSave(explanation: string): void;
  onCancel(): void;
}

/** Asks for the officer's explanation (核实说明) of a 提示 before moving it to the confirmed list. */
export function ConfirmDialog({ finding, s, onSave, onCancel }: ConfirmDialogProps) {
  const [text, setText] = useState("");
  return (
    <Dialog
      open={finding !== null}
      onOpenChange={(_, d) => {
        if (!d.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent>
            <Text as="p">{finding?.message}</Text>
            <Field label={s.explanation} hint={s.confirmPrompt} required>
              <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={text.trim() === ""}
              onClick={() => {
                onSave(text.trim());
                setText("");
              }}
            >
              {s.save}
            </Button>
            <Button onClick={onCancel}>{s.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface FillDialogProps {
  /** The suspect cell to fill, with the text it shows now; null when closed. */
  fill: { suspect: SuspectCell; before: string } | null;
  s: Strings;
  onFill(): void;
  onCancel(): void;
}

/** Asks before the proposed value is written into a table cell (the add-in never changes an amount unasked). */
export function FillDialog({ fill, s, onFill, onCancel }: FillDialogProps) {
  const cell = fill ? `${fill.suspect.sheet}!${fill.suspect.address}` : "";
  return (
    <Dialog open={fill !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.fillTitle}</DialogTitle>
          <DialogContent>
            <Text as="p">{fill ? s.fillPrompt(cell, fill.before || "（空白）", fill.suspect.proposed ?? "") : ""}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onFill}>
              {s.fillDo}
            </Button>
            <Button onClick={onCancel}>{s.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

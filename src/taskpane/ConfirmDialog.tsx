import { useState } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea } from "@fluentui/react-components";
import type { Finding } from "../rules/types";
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

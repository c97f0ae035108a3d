import { useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { draftNarrative, type NarrativeDraft } from "../engine";
import type { AddinSettings } from "../host/types";
import type { NarrativeStyle } from "../model/profiles";
import type { NarrativeSection } from "../narrative/section";
import { PriorYearError, priorFromJson, resolvePrior } from "../narrative/prior";
import { applyReasons, listSlots, type ReasonSlot } from "../narrative/reasons";
import { narrativeLines, sectionHeading } from "../narrative/write";
import type { Strings } from "../addin/i18n";
import { errorText, type Checker } from "./useChecker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  paragraph: { margin: 0, lineHeight: tokens.lineHeightBase400, textIndent: "2em" },
  slot: { minWidth: "10em", textIndent: 0 },
  note: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** A paragraph with its slots as inputs; `slots` are the paragraph's slots in reading order. */
function Paragraph({
  text,
  slots,
  reasons,
  onReason,
  className,
  slotClass,
}: {
  text: string;
  slots: ReasonSlot[];
  reasons: Record<string, string>;
  onReason(key: string, v: string): void;
  className: string;
  slotClass: string;
}) {
  const parts: (string | ReasonSlot)[] = [];
  let rest = text;
  for (const slot of slots) {
    const at = rest.indexOf(slot.placeholder);
    if (at < 0) continue;
    parts.push(rest.slice(0, at), slot);
    rest = rest.slice(at + slot.placeholder.length);
  }
  parts.push(rest);
  return (
    <p className={className}>
      {parts.map((p, i) =>
        typeof p === "string" ? (
          <span key={i}>{p}</span>
        ) : (
          <Input
            key={p.key}
            className={slotClass}
            size="small"
            placeholder={p.placeholder}
            aria-label={`${p.placeholder}：${p.item}`}
            value={reasons[p.key] ?? ""}
            onChange={(_, d) => onReason(p.key, d.value)}
          />
        ),
      )}
    </p>
  );
}

/** The 上年数据 kept in the workbook's settings, as the text box shows it. */
function savedPriorText(settings: AddinSettings | null | undefined): string {
  return settings?.prior ? JSON.stringify(settings.prior, null, 1) : "";
}

/** The wording of the generated text: the template's (detected) or one chosen, kept in the workbook's settings. */
function StyleField({ checker, s }: { checker: Checker; s: Strings }) {
  const { settings } = checker;
  const style = settings?.style;
  return (
    <Field label={s.style}>
      <Dropdown
        value={style ? s.styleNames[style] : s.styleAuto}
        selectedOptions={[style ?? "auto"]}
        onOptionSelect={(_, d) =>
          settings && void checker.saveSettings({ ...settings, style: d.optionValue === "auto" ? undefined : (d.optionValue as NarrativeStyle) })
        }
      >
        <Option value="auto">{s.styleAuto}</Option>
        {(["hebei", "henan", "final"] as const).map((k) => (
          <Option key={k} value={k}>
            {s.styleNames[k]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** 上年数据: typed or imported JSON, checked and kept in the workbook's settings (the narrative check compares with it). */
function PriorField({ checker, s, priorText, setPriorText }: { checker: Checker; s: Strings; priorText: string; setPriorText: (t: string) => void }) {
  const styles = useStyles();
  const { settings } = checker;
  const fileInput = useRef<HTMLInputElement>(null);
  const savePrior = async () => {
    if (!settings) return;
    try {
      if (priorText.trim() === "") {
        await checker.saveSettings({ ...settings, prior: undefined });
      } else {
        priorFromJson(priorText, "上年数据");
        await checker.saveSettings({ ...settings, prior: JSON.parse(priorText) });
      }
      // the narrative check compares the stated changes with these figures: check again when there are findings to update
      if (checker.outcome) await checker.check();
      checker.setNotice({ intent: "success", text: s.priorSaved });
    } catch (e) {
      checker.setNotice({ intent: "error", text: errorText(e) });
    }
  };

  return (
    <>
      <Field label={s.prior} hint={s.priorHelp}>
        <Textarea value={priorText} onChange={(_, d) => setPriorText(d.value)} resize="vertical" rows={3} />
      </Field>
      <div className={styles.row}>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {s.importPrior}
        </Button>
        <Button size="small" onClick={() => void savePrior()} disabled={!settings}>
          {s.savePrior}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(setPriorText);
            e.target.value = "";
          }}
        />
      </div>
    </>
  );
}

/** A generated section: its heading, its paragraphs with inputs in their slots, and its notes. */
function SectionView(p: {
  s: Strings;
  section: NarrativeSection;
  index: number;
  slots: ReasonSlot[];
  reasons: Record<string, string>;
  onReason(key: string, v: string): void;
}) {
  const styles = useStyles();
  const { s, section: sec, index: si, slots, reasons } = p;
  return (
    <div className={styles.section} data-section={sec.id}>
      <Subtitle2 as="h3">{sectionHeading(si, sec.title)}</Subtitle2>
      {sec.paragraphs.map((text, pi) => (
        <Paragraph
          key={pi}
          text={text}
          slots={slots.filter((x) => x.sectionId === sec.id && x.paragraph === pi)}
          reasons={reasons}
          onReason={p.onReason}
          className={styles.paragraph}
          slotClass={styles.slot}
        />
      ))}
      {sec.notes.map((n, i) => (
        <Caption1 key={i} className={styles.note}>
          【{s.noteLabel}：{n}】
        </Caption1>
      ))}
    </div>
  );
}

/** Asks before the insert replaces lines the officer edited in the 情况说明 sheet. */
function ConflictDialog({ s, cells, onReplace, onCancel }: { s: Strings; cells: string[] | null; onReplace: () => void; onCancel: () => void }) {
  return (
    <Dialog open={cells !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.editedTitle}</DialogTitle>
          <DialogContent>{s.editedPrompt((cells ?? []).slice(0, 8).join("、") + ((cells?.length ?? 0) > 8 ? "…" : ""))}</DialogContent>
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

/**
 * The 情况说明 drafted from the last check (checking first when there is none), with last year's figures as
 * that check resolved them, unless the officer has typed others since (not saved yet).
 */
async function draftInPane(checker: Checker, priorText: string): Promise<NarrativeDraft | null> {
  const prior = priorText.trim() === "" ? undefined : priorFromJson(priorText, "上年数据");
  const outcome = checker.outcome ?? (await checker.check());
  if (!outcome) return null;
  const model = outcome.model;
  const lastYear = priorText === savedPriorText(checker.settings) ? outcome.lastYear : resolvePrior(model, prior);
  return draftNarrative(
    { model, lastYear },
    outcome.narrative.map((p) => p.text),
    checker.settings?.style,
  );
}

export function NarrativeTab({ checker, s }: { checker: Checker; s: Strings }) {
  const styles = useStyles();
  const { settings } = checker;
  const [sections, setSections] = useState<NarrativeSection[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>(settings?.reasons ?? {});
  const [priorText, setPriorText] = useState(savedPriorText(settings));
  const [conflict, setConflict] = useState<string[] | null>(null);

  const generate = async () => {
    try {
      const draft = await draftInPane(checker, priorText);
      if (!draft) return;
      setSections(draft.sections);
      // the reasons typed here before, then those the officer wrote into the 情况说明 sheet (matched by section and item)
      setReasons({ ...(settings?.reasons ?? {}), ...draft.reasons });
    } catch (e) {
      checker.setNotice({ intent: "error", text: e instanceof PriorYearError ? e.message : `生成失败：${errorText(e)}` });
    }
  };

  const lines = () => narrativeLines(applyReasons(sections ?? [], reasons));
  const slots = sections ? listSlots(sections) : [];

  const insert = async (replaceEdited = false) => {
    if (!checker.host || !sections) return;
    try {
      if (settings) await checker.saveSettings({ ...settings, reasons });
      let r = await checker.host.writeNarrative(lines(), { replaceEdited });
      // (as before: below the officer's own text; the pane asks her in the next change)
      if (r.status === "occupied") r = await checker.host.writeNarrative(lines(), { replaceEdited, existing: "append" });
      if (r.status === "occupied") return;
      if (r.status === "edited") setConflict(r.editedCells);
      else checker.setNotice({ intent: "success", text: s.inserted(r.range, r.sheetCreated) });
    } catch (e) {
      checker.setNotice({ intent: "error", text: `写入情况说明失败：${errorText(e)}` });
    }
  };

  const copy = async () => {
    const text = lines()
      .map((l) => l.text)
      .join("\n");
    try {
      await navigator.clipboard.writeText(text);
      checker.setNotice({ intent: "success", text: s.copied });
    } catch (e) {
      checker.setNotice({ intent: "error", text: `无法写入剪贴板：${errorText(e)}` });
    }
  };

  return (
    <section className={styles.root} aria-label={s.tabNarrative}>
      <Body1>{s.narrativeIntro}</Body1>
      <StyleField checker={checker} s={s} />
      <PriorField checker={checker} s={s} priorText={priorText} setPriorText={setPriorText} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={checker.busy !== null}>
          {s.generate}
        </Button>
        <Button onClick={() => void insert()} disabled={!sections}>
          {s.insert}
        </Button>
        <Button onClick={() => void copy()} disabled={!sections}>
          {s.copy}
        </Button>
      </div>
      {sections?.map((sec, si) => (
        <SectionView key={sec.id} s={s} section={sec} index={si} slots={slots} reasons={reasons} onReason={(k, v) => setReasons({ ...reasons, [k]: v })} />
      ))}
      <ConflictDialog
        s={s}
        cells={conflict}
        onReplace={() => {
          setConflict(null);
          void insert(true);
        }}
        onCancel={() => setConflict(null)}
      />
    </section>
  );
}

import { useLayoutEffect, useRef, useState } from "react";
import { Body1, Body1Strong, Button, Caption1, Dropdown, Field, Option, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { draftNarrative, type NarrativeDraft } from "../engine";
import type { NarrativeWriteOptions } from "../host/types";
import type { NarrativeStyle } from "../model/profiles";
import type { NarrativeSection } from "../narrative/section";
import { PriorYearError, priorFromJson, resolvePrior } from "../narrative/prior";
import { applyReasons, listSlots, type ReasonSlot } from "../narrative/reasons";
import { narrativeLines, sectionHeading } from "../narrative/write";
import { formFromJson, formToJson, priorFormErrors, type PriorFormValues } from "../addin/priorForm";
import type { Strings } from "../addin/i18n";
import { ConflictDialog, OccupiedDialog, UnfilledDialog, type Occupied, type UnfilledRequest } from "./NarrativeDialogs";
import { PriorForm } from "./PriorForm";
import { errorText, type Checker } from "./useChecker";

/* global CSS, setTimeout */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  paragraph: { margin: 0, lineHeight: tokens.lineHeightBase400, textIndent: "2em", overflowWrap: "anywhere" },
  // a slot grows with what is typed and wraps at the paragraph's width (the pane is 320–350 px wide)
  slot: {
    fieldSizing: "content",
    minWidth: "8em",
    maxWidth: "100%",
    boxSizing: "border-box",
    verticalAlign: "bottom",
    textIndent: 0,
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontFamily: "inherit",
    fontSize: "inherit",
    lineHeight: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    resize: "none",
    overflow: "hidden",
    "::placeholder": { color: tokens.colorNeutralForeground4 },
    ":focus": { outline: "none", borderBottomColor: tokens.colorCompoundBrandStroke, boxShadow: `inset 0 -1px 0 ${tokens.colorCompoundBrandStroke}` },
  },
  // where field-sizing is unknown (older Office web views): the whole line, its height following the text
  slotFallback: { width: "100%" },
  note: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Whether the browser sizes a textarea to its content (CSS field-sizing). */
function sizesToContent(): boolean {
  return typeof CSS !== "undefined" && typeof CSS.supports === "function" && CSS.supports("field-sizing", "content");
}

/** A slot's input: one paragraph of text (no line breaks), as wide as its text up to the paragraph's width, then wrapping. */
function SlotInput(p: { slot: ReasonSlot; value: string; onChange(v: string): void; register(key: string, el: HTMLTextAreaElement | null): void }) {
  const styles = useStyles();
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const fallback = !sizesToContent();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !fallback) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [p.value, fallback]);
  return (
    <textarea
      ref={(el) => {
        ref.current = el;
        p.register(p.slot.key, el);
      }}
      className={mergeClasses(styles.slot, fallback && styles.slotFallback)}
      rows={1}
      placeholder={p.slot.placeholder}
      aria-label={`${p.slot.placeholder}：${p.slot.item}`}
      value={p.value}
      onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
      onChange={(e) => p.onChange(e.target.value.replace(/[\r\n]+/g, ""))}
    />
  );
}

/** A paragraph with its slots as inputs; `slots` are the paragraph's slots in reading order. */
function Paragraph(p: {
  text: string;
  slots: ReasonSlot[];
  reasons: Record<string, string>;
  onReason(key: string, v: string): void;
  register(key: string, el: HTMLTextAreaElement | null): void;
}) {
  const styles = useStyles();
  const parts: (string | ReasonSlot)[] = [];
  let rest = p.text;
  for (const slot of p.slots) {
    const at = rest.indexOf(slot.placeholder);
    if (at < 0) continue;
    parts.push(rest.slice(0, at), slot);
    rest = rest.slice(at + slot.placeholder.length);
  }
  parts.push(rest);
  return (
    <p className={styles.paragraph}>
      {parts.map((x, i) =>
        typeof x === "string" ? (
          <span key={i}>{x}</span>
        ) : (
          <SlotInput key={x.key} slot={x} value={p.reasons[x.key] ?? ""} onChange={(v) => p.onReason(x.key, v)} register={p.register} />
        ),
      )}
    </p>
  );
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

/** A generated section: its heading, its paragraphs with inputs in their slots, and its notes. */
function SectionView(p: {
  s: Strings;
  section: NarrativeSection;
  index: number;
  slots: ReasonSlot[];
  reasons: Record<string, string>;
  onReason(key: string, v: string): void;
  register(key: string, el: HTMLTextAreaElement | null): void;
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
          register={p.register}
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

/**
 * The 情况说明 drafted from the last check (checking first when there is none), with last year's figures as
 * that check resolved them, unless the officer has entered others since (not saved yet).
 */
async function draftInPane(checker: Checker, s: Strings, prior: PriorFormValues): Promise<NarrativeDraft | null> {
  const errors = priorFormErrors(prior, s);
  if (errors.length) throw new PriorYearError(s.priorInvalid(errors.length, errors[0].message));
  const json = formToJson(prior);
  const outcome = checker.outcome ?? (await checker.check());
  if (!outcome) return null;
  const model = outcome.model;
  const same = JSON.stringify(json) === JSON.stringify(outcome.settings.prior);
  const lastYear = same ? outcome.lastYear : resolvePrior(model, json ? priorFromJson(JSON.stringify(json), "上年数据") : undefined);
  return draftNarrative(
    { model, lastYear },
    outcome.narrative.map((p) => p.text),
    checker.settings?.style,
  );
}

/** Writing the text into the workbook and the clipboard, asking first what needs the officer's word. */
function useWrite(checker: Checker, s: Strings, sections: NarrativeSection[] | null, reasons: Record<string, string>) {
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [occupied, setOccupied] = useState<Occupied | null>(null);
  const [unfilled, setUnfilled] = useState<UnfilledRequest | null>(null);
  const slots = sections ? listSlots(sections) : [];
  const lines = () => narrativeLines(applyReasons(sections ?? [], reasons));

  const insert = async (options: NarrativeWriteOptions = {}) => {
    const { host, settings } = checker;
    if (!host || !sections) return;
    try {
      if (settings) await checker.saveSettings({ ...settings, reasons });
      const r = await host.writeNarrative(lines(), options);
      if (r.status === "occupied") setOccupied({ sheet: r.sheet, cells: r.cells });
      else if (r.status === "edited") setConflict(r.editedCells);
      else checker.setNotice({ intent: "success", text: s.inserted(r.sheet, r.range, r.sheetCreated) });
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

  /** Insert or copy, after the officer has seen the slots still empty (if any). */
  const request = (action: UnfilledRequest["action"]) => {
    const empty = slots.filter((x) => !reasons[x.key]?.trim());
    if (empty.length) setUnfilled({ action, slots: empty });
    else void (action === "insert" ? insert() : copy());
  };
  return { slots, insert, copy, request, conflict, setConflict, occupied, setOccupied, unfilled, setUnfilled };
}

/** The questions asked before writing (NarrativeDialogs.tsx), each doing what the officer chose. */
function WriteDialogs({ s, w, onBack }: { s: Strings; w: ReturnType<typeof useWrite>; onBack: () => void }) {
  return (
    <>
      <UnfilledDialog
        s={s}
        request={w.unfilled}
        onBack={onBack}
        onGoOn={() => {
          const action = w.unfilled?.action;
          w.setUnfilled(null);
          void (action === "copy" ? w.copy() : w.insert());
        }}
      />
      <OccupiedDialog
        s={s}
        occupied={w.occupied}
        onChoose={(existing) => {
          w.setOccupied(null);
          void w.insert({ existing });
        }}
        onCancel={() => w.setOccupied(null)}
      />
      <ConflictDialog
        s={s}
        cells={w.conflict}
        onReplace={() => {
          w.setConflict(null);
          void w.insert({ replaceEdited: true });
        }}
        onCancel={() => w.setConflict(null)}
      />
    </>
  );
}

export function NarrativeTab({ checker, s }: { checker: Checker; s: Strings }) {
  const styles = useStyles();
  const { settings } = checker;
  const [sections, setSections] = useState<NarrativeSection[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>(settings?.reasons ?? {});
  const [prior, setPrior] = useState<PriorFormValues>(formFromJson(settings?.prior));
  const slotInputs = useRef(new Map<string, HTMLTextAreaElement>());
  const w = useWrite(checker, s, sections, reasons);
  const register = (key: string, el: HTMLTextAreaElement | null) => (el ? slotInputs.current.set(key, el) : slotInputs.current.delete(key));

  const generate = async () => {
    try {
      const draft = await draftInPane(checker, s, prior);
      if (!draft) return;
      setSections(draft.sections);
      // the reasons typed here before, then those the officer wrote into the 情况说明 sheet (matched by section and item)
      setReasons({ ...(settings?.reasons ?? {}), ...draft.reasons });
    } catch (e) {
      checker.setNotice({ intent: "error", text: e instanceof PriorYearError ? e.message : `生成失败：${errorText(e)}` });
    }
  };

  /** Back to the first empty slot (after the dialog has given the focus back). */
  const backToSlots = () => {
    const first = w.unfilled?.slots[0];
    w.setUnfilled(null);
    if (first) setTimeout(() => slotInputs.current.get(first.key)?.focus(), 0);
  };

  return (
    <section className={styles.root} aria-label={s.tabNarrative}>
      <Body1>{s.narrativeIntro}</Body1>
      <StyleField checker={checker} s={s} />
      <Body1Strong>{s.prior}</Body1Strong>
      <PriorForm checker={checker} s={s} values={prior} setValues={setPrior} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={checker.busy !== null}>
          {s.generate}
        </Button>
        <Button onClick={() => w.request("insert")} disabled={!sections}>
          {s.insert}
        </Button>
        <Button onClick={() => w.request("copy")} disabled={!sections}>
          {s.copy}
        </Button>
      </div>
      {sections?.map((sec, si) => (
        <SectionView
          key={sec.id}
          s={s}
          section={sec}
          index={si}
          slots={w.slots}
          reasons={reasons}
          onReason={(k, v) => setReasons({ ...reasons, [k]: v })}
          register={register}
        />
      ))}
      <WriteDialogs s={s} w={w} onBack={backToSlots} />
    </section>
  );
}

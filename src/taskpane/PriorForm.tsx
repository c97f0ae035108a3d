/**
 * 上年数据 in the 情况说明 tab: a form in Chinese, one entry per figure of the prior-year format, amounts in
 * 万元 as typed; filled from last year's workbook (read in the pane with the same engine) or typed; the
 * JSON behind it editable in a collapsed advanced view kept in step; saved in the workbook's settings.
 */
import { useRef, useState, type Dispatch, type SetStateAction } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { priorFromWorkbook } from "../engine";
import { categoryCodes } from "../model/query/functional";
import { PriorYearError } from "../narrative/prior";
import { modelQuantities } from "../narrative/quantities";
import {
  EMPTY_PRIOR_FORM,
  PRIOR_GROUPS,
  categoryLabel,
  entryLabel,
  figureCount,
  formFromJson,
  formToJson,
  formWithPrior,
  priorFormErrors,
  unknownKeys,
  type PriorFieldId,
  type PriorFormValues,
} from "../addin/priorForm";
import type { Strings } from "../addin/i18n";
import { errorText, type Checker } from "./useChecker";

/* global FileReader */

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  entries: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // label and input side by side at the pane's width: the label wraps, the input keeps room for 12 digits
  entry: { gridTemplateColumns: "minmax(0, 1fr) 8.5em", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
  // the label beside the input only; a message under both, at the pane's full width
  entryLabel: { gridRowEnd: "auto", marginRight: 0 },
  entryMessage: { gridColumnStart: 1, gridColumnEnd: -1 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  panel: { marginLeft: 0, marginRight: 0 },
});

type SetValues = Dispatch<SetStateAction<PriorFormValues>>;

/** A file's bytes (FileReader: every browser the pane runs in, and jsdom). */
function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("读取文件失败"));
    r.readAsArrayBuffer(file);
  });
}

function fileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error("读取文件失败"));
    r.readAsText(file, "utf-8");
  });
}

/** One labelled entry with its message when it cannot be saved. */
function Entry(p: { label: string; value: string; error?: string; onChange(v: string): void; inputMode?: "decimal" | "numeric" }) {
  const styles = useStyles();
  return (
    <Field
      className={styles.entry}
      orientation="horizontal"
      label={{ children: p.label, className: styles.entryLabel }}
      validationMessage={p.error ? { children: p.error, className: styles.entryMessage } : undefined}
      validationState={p.error ? "error" : "none"}
    >
      <Input size="small" inputMode={p.inputMode ?? "decimal"} value={p.value} onChange={(_, d) => p.onChange(d.value)} />
    </Field>
  );
}

/** The 类 entries of a group (last year's 决算数, or this year's 年初预算) and a list to add one. */
function CategoryEntries(p: {
  s: Strings;
  which: "categories" | "budgetCategories";
  codes: string[];
  values: PriorFormValues;
  errors: Map<string, string>;
  change: (next: PriorFormValues) => void;
}) {
  const { s, which, values } = p;
  const shown = [...new Set([...p.codes, ...Object.keys(values[which])])].sort();
  const set = (code: string, v: string) => p.change({ ...values, [which]: { ...values[which], [code]: v } });
  return (
    <>
      {shown.map((code) => (
        <Entry
          key={code}
          label={entryLabel(`${which}.${code}`, s)}
          value={values[which][code] ?? ""}
          error={p.errors.get(`${which}.${code}`)}
          onChange={(v) => set(code, v)}
        />
      ))}
      <Dropdown
        size="small"
        aria-label={s.priorAddCategory}
        placeholder={s.priorAddCategory}
        value=""
        selectedOptions={[]}
        onOptionSelect={(_, d) => d.optionValue && set(d.optionValue, "")}
      >
        {categoryCodes()
          .filter((c) => !shown.includes(c))
          .map((c) => (
            <Option key={c} value={c} text={categoryLabel(c)}>
              {`${categoryLabel(c)}（${c}）`}
            </Option>
          ))}
      </Dropdown>
    </>
  );
}

/** The groups of entries, each in a section that folds; the 决算 groups open when the workbook is a 决算 or they hold figures. */
function Groups(p: { s: Strings; values: PriorFormValues; change: (next: PriorFormValues) => void; final: boolean; finalCodes: string[] }) {
  const styles = useStyles();
  const { s, values, change } = p;
  const errors = new Map(priorFormErrors(values, s).map((e) => [e.key, e.message]));
  const holds = (g: (typeof PRIOR_GROUPS)[number]) => g.fields.some((f) => values.fields[f]) || (g.categories && Object.keys(values[g.categories]).length > 0);
  const open = PRIOR_GROUPS.filter((g) => g.id === "main" || g.id === "threePublic" || p.final || holds(g)).map((g) => g.id);
  const setField = (f: PriorFieldId, v: string) => change({ ...values, fields: { ...values.fields, [f]: v } });
  return (
    <Accordion multiple collapsible defaultOpenItems={open}>
      {PRIOR_GROUPS.map((g) => (
        <AccordionItem key={g.id} value={g.id}>
          <AccordionHeader size="small">{s.priorGroups[g.id]}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <div className={styles.entries}>
              {g.id === "main" && (
                <Entry
                  label={s.priorYear}
                  value={values.year}
                  error={errors.get("year")}
                  inputMode="numeric"
                  onChange={(v) => change({ ...values, year: v })}
                />
              )}
              {g.fields.map((f) => (
                <Entry key={f} label={s.priorLabels[f]} value={values.fields[f] ?? ""} error={errors.get(f)} onChange={(v) => setField(f, v)} />
              ))}
              {g.categories && (
                <CategoryEntries s={s} which={g.categories} codes={p.final ? p.finalCodes : []} values={values} errors={errors} change={change} />
              )}
            </div>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

/** The JSON behind the form, editable: a valid object of the format updates the form; anything else says why and leaves it. */
function JsonView(p: {
  s: Strings;
  values: PriorFormValues;
  change: (next: PriorFormValues) => void;
  draft: string | null;
  setDraft: (d: string | null) => void;
  problem: string | null;
  setProblem: (x: string | null) => void;
}) {
  const styles = useStyles();
  const { s } = p;
  const fileInput = useRef<HTMLInputElement>(null);
  const json = formToJson(p.values);
  const apply = (text: string) => {
    p.setDraft(text);
    if (text.trim() === "") {
      p.setProblem(null);
      p.change(EMPTY_PRIOR_FORM);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return p.setProblem(s.priorJsonBad);
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) return p.setProblem(s.priorJsonNotObject);
    const unknown = unknownKeys(data as Record<string, unknown>);
    if (unknown.length) return p.setProblem(s.priorJsonUnknown(unknown.map((k) => `“${k}”`).join("、")));
    p.setProblem(null);
    p.change(formFromJson(data as Record<string, unknown>));
  };
  return (
    <div className={styles.entries}>
      <Field label={s.priorJsonLabel} validationMessage={p.problem} validationState={p.problem ? "error" : "none"}>
        <Textarea
          value={p.draft ?? (json ? JSON.stringify(json, null, 1) : "")}
          onChange={(_, d) => apply(d.value)}
          onBlur={() => p.problem === null && p.setDraft(null)}
          resize="vertical"
          rows={6}
        />
      </Field>
      <div className={styles.row}>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {s.importJson}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={s.importJson}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void fileText(f).then((t) => apply(t.replace(/^\uFEFF/, "")));
            e.target.value = "";
          }}
        />
      </div>
    </div>
  );
}

/** Reads last year's workbook in the pane and fills the form with its figures; every failure is a Chinese message, never a crash. */
function useImport(checker: Checker, s: Strings, setValues: SetValues) {
  const [importing, setImporting] = useState(false);
  const importWorkbook = async (file: File) => {
    setImporting(true);
    try {
      const bytes = await fileBytes(file);
      // the reader is loaded when first needed (it is not part of the pane's first download)
      const reader = await import("../host/file/readBytes");
      await new Promise((r) => setTimeout(r, 0)); // let the spinner show: the read below holds the thread
      let prior;
      try {
        prior = priorFromWorkbook(reader.readWorkbookBytes(bytes, file.name));
      } catch (e) {
        throw e instanceof reader.WorkbookReadError ? new PriorYearError(e.message) : e;
      }
      setValues((v) => formWithPrior(v, prior));
      const own = checker.outcome?.model.year;
      const late = own && prior.year >= own ? ` ${s.priorSameYear(prior.year)}` : "";
      checker.setNotice({ intent: late ? "warning" : "success", text: s.priorImported(file.name, s.priorImportedYear(prior.year), figureCount(prior)) + late });
    } catch (e) {
      checker.setNotice({ intent: "error", text: e instanceof PriorYearError ? e.message : s.priorUnreadable(file.name, errorText(e)) });
    } finally {
      setImporting(false);
    }
  };
  return { importing, importWorkbook };
}

/** Saves the entries in the workbook (refused, naming the entries, while one is not a number) and checks again. */
async function savePrior(checker: Checker, s: Strings, values: PriorFormValues) {
  const { settings } = checker;
  if (!settings) return;
  const errors = priorFormErrors(values, s);
  if (errors.length) return checker.setNotice({ intent: "error", text: s.priorInvalid(errors.length, errors[0].message) });
  try {
    await checker.saveSettings({ ...settings, prior: formToJson(values) });
    // the narrative check compares the stated changes with these figures: check again when there are findings to update
    if (checker.outcome) await checker.check();
    checker.setNotice({ intent: "success", text: s.priorSaved });
  } catch (e) {
    checker.setNotice({ intent: "error", text: errorText(e) });
  }
}

export function PriorForm({ checker, s, values, setValues }: { checker: Checker; s: Strings; values: PriorFormValues; setValues: SetValues }) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { importing, importWorkbook } = useImport(checker, s, setValues);
  const model = checker.outcome?.model;
  const final = model?.documentKind === "决算";
  const change = (next: PriorFormValues) => setValues(next);
  // a change in the form makes the JSON follow it
  const changeFromForm = (next: PriorFormValues) => {
    setDraft(null);
    setProblem(null);
    change(next);
  };
  // a 决算's own 类 (this year's): each gets an entry for last year's figure and this year's 年初预算
  const finalCodes = final ? [...new Set([...modelQuantities(model).values()].filter((q) => q.family === "category" && q.code).map((q) => q.code!))] : [];
  return (
    <section className={styles.form} aria-label={s.prior}>
      <Caption1>{s.priorHelp}</Caption1>
      <div className={styles.row}>
        <Button size="small" onClick={() => fileInput.current?.click()} disabled={importing}>
          {s.importPrior}
        </Button>
        {importing && <Spinner size="extra-tiny" label={s.importingPrior} />}
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          aria-label={s.importPrior}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importWorkbook(f).then(() => setDraft(null));
            e.target.value = "";
          }}
        />
      </div>
      <Groups s={s} values={values} change={changeFromForm} final={final} finalCodes={finalCodes} />
      <Accordion collapsible>
        <AccordionItem value="json">
          <AccordionHeader size="small">{s.priorJson}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <JsonView s={s} values={values} change={change} draft={draft} setDraft={setDraft} problem={problem} setProblem={setProblem} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.row}>
        <Button size="small" appearance="primary" onClick={() => void savePrior(checker, s, values)} disabled={!checker.settings}>
          {s.savePrior}
        </Button>
      </div>
    </section>
  );
}

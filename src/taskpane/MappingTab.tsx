import { useState } from "react";
import { Body1, Button, Caption1, Dropdown, Field, Link, Option, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TABLE_KINDS, type TableKind } from "../model/tableKinds";
import { PROFILES, profileById, type ProfileId } from "../model/profiles";
import type { Strings } from "../addin/i18n";
import type { Checker } from "./useChecker";
import type { BudgetModel } from "../model/budgetModel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
});

const IGNORE = "ignore";

/** The tables recognized (each a link to its range) and the sheets and ranges left unrecognized, with the reason. */
function RecognizedTables({ checker, s, model }: { checker: Checker; s: Strings; model: BudgetModel }) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3">{s.recognizedTables(model.tables.length)}</Subtitle2>
      <ul className={styles.list}>
        {model.tables.map((t) => (
          <li key={`${t.sheet}!${t.range}`}>
            <Text>{t.kindName}</Text>{" "}
            <Link as="button" onClick={() => void checker.jump([{ sheet: t.sheet, address: t.range }])}>
              {t.sheet}!{t.range}
            </Link>
            <br />
            <Caption1 className={styles.muted}>「{t.title}」</Caption1>
          </li>
        ))}
      </ul>
      <Subtitle2 as="h3">{s.unrecognizedSheets(model.unrecognized.length)}</Subtitle2>
      <ul className={styles.list}>
        {model.unrecognized.map((u, i) => (
          <li key={`${u.sheet}!${u.range ?? ""}#${i}`}>
            {u.range ? (
              <Link as="button" onClick={() => void checker.jump([{ sheet: u.sheet, address: u.range! }])}>
                {u.sheet}!{u.range}
              </Link>
            ) : (
              <Text>{u.sheet}</Text>
            )}
            <br />
            <Caption1 className={styles.muted}>{u.reason}</Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The document family the workbook is checked under, why, and a choice that overrides it (kept in the workbook). */
function ProfileField({ checker, s }: { checker: Checker; s: Strings }) {
  const { outcome, settings } = checker;
  const chosen = settings?.profile;
  const current = outcome?.profile;
  const hint = current ? (chosen ? s.profileChosen(current.profile.name) : s.profileAuto(current.profile.name, current.reason)) : undefined;
  return (
    <Field label={s.profile} hint={hint}>
      <Dropdown
        value={chosen ? (profileById(chosen)?.name ?? chosen) : s.profileAutoOption}
        selectedOptions={[chosen ?? "auto"]}
        disabled={!settings || checker.busy !== null}
        onOptionSelect={(_, d) => {
          if (!settings) return;
          const profile = d.optionValue === "auto" ? undefined : (d.optionValue as ProfileId);
          // the rules read the profile's table set: check again under it
          void checker.saveSettings({ ...settings, profile }).then(() => (checker.outcome ? checker.check() : undefined));
        }}
      >
        <Option value="auto">{s.profileAutoOption}</Option>
        {PROFILES.map((p) => (
          <Option key={p.id} value={p.id}>
            {p.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function MappingTab({ checker, s }: { checker: Checker; s: Strings }) {
  const styles = useStyles();
  const { outcome, settings } = checker;
  // no kind until the officer chooses one: a default kind would label a range she never looked at
  const [kind, setKind] = useState<TableKind | typeof IGNORE | null>(null);
  const kindName = (k: string) => (k === IGNORE ? s.ignoreKind : (TABLE_KINDS.find((t) => t.kind === k)?.name ?? k));
  const mapping = settings?.mapping ?? [];

  const assign = async () => {
    if (kind === null) return;
    const sel = await checker.selection();
    if (!sel) {
      checker.setNotice({ intent: "warning", text: s.noSelection });
      return;
    }
    const rest = mapping.filter((m) => !(m.sheet === sel.sheet && m.range === sel.address));
    await checker.setMapping([...rest, { sheet: sel.sheet, range: sel.address, kind }]);
    checker.setNotice({ intent: "success", text: s.assigned(`${sel.sheet}!${sel.address}`, kindName(kind)) });
  };

  return (
    <section className={styles.root} aria-label={s.tabMapping}>
      <Body1>{s.mappingIntro}</Body1>
      <ProfileField checker={checker} s={s} />
      {!outcome && <Body1>{s.needCheckFirst}</Body1>}
      {outcome && <RecognizedTables checker={checker} s={s} model={outcome.model} />}
      <Field label={s.assignKind}>
        <Dropdown
          placeholder={s.chooseKind}
          value={kind === null ? "" : kindName(kind)}
          selectedOptions={kind === null ? [] : [kind]}
          onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as TableKind)}
        >
          {TABLE_KINDS.map((k) => (
            <Option key={k.kind} value={k.kind}>
              {k.name}
            </Option>
          ))}
          <Option value={IGNORE}>{s.ignoreKind}</Option>
        </Dropdown>
      </Field>
      <Button onClick={() => void assign()} disabled={kind === null || !settings || checker.busy !== null}>
        {s.assignSelection}
      </Button>
      {mapping.length > 0 && (
        <>
          <Subtitle2 as="h3">{s.corrections(mapping.length)}</Subtitle2>
          <ul className={styles.list}>
            {mapping.map((m, i) => (
              <li key={`${m.sheet}!${m.range}`}>
                <Text>
                  {m.sheet}!{m.range} → {kindName(m.kind)}
                </Text>{" "}
                <Link as="button" onClick={() => void checker.setMapping(mapping.filter((_, j) => j !== i))}>
                  {s.removeCorrection}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

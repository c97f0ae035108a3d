import { useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Link,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { findingKey } from "../addin/check";
import { countByLevel, groupFindings } from "../engine";
import type { Finding, FindingLevel } from "../rules/types";
import { RULES } from "../rules/registry";
import { ConfirmDialog } from "./ConfirmDialog";
import { ExportControls } from "./ExportControls";
import { FindingItem } from "./FindingItem";
import type { Strings } from "../addin/i18n";
import type { Checker } from "./useChecker";
import type { AddinSettings } from "../host/types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  confirmed: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

type GroupBy = "table" | "rule";
const LEVELS: FindingLevel[] = ["error", "warning", "info"];
const RULE_NAMES = new Map(RULES.map((r) => [r.meta.id, r.meta.description]));

/** The findings in groups, each with its heading: by the table's sheet, or by rule. */
function findingGroups(findings: Finding[], by: GroupBy, tableNames: Map<string, string>, whole: string): { title: string; findings: Finding[] }[] {
  const groups = groupFindings(findings, by === "rule" ? (f) => f.ruleId : (f) => f.sheet ?? whole);
  return groups.map(([k, list]) => ({
    title: by === "rule" ? (RULE_NAMES.get(k) ?? k) : tableNames.get(k) ? `${k}（${tableNames.get(k)}）` : k,
    findings: list,
  }));
}

/** A finding's card in the list: selecting it makes it the current one; a 提示 can be confirmed (核实). */
function FindingCard(p: {
  checker: Checker;
  s: Strings;
  finding: Finding;
  index: number;
  current: number;
  setCurrent: (i: number) => void;
  setConfirming: (f: Finding) => void;
}) {
  const f = p.finding;
  return (
    <FindingItem
      finding={f}
      s={p.s}
      current={p.index === p.current}
      onSelect={() => p.setCurrent(p.index)}
      onJump={(cells) => void p.checker.jump(cells)}
      onConfirm={f.level === "warning" ? () => p.setConfirming(f) : undefined}
    />
  );
}

/** The 提示 the officer confirmed (核实), with her explanation and a way to undo it. */
function ConfirmedList({ checker, s, confirmed }: { checker: Checker; s: Strings; confirmed: AddinSettings["confirmed"] }) {
  const styles = useStyles();
  return (
    <div className={styles.confirmed}>
      <Subtitle2 as="h3">{s.confirmedList(confirmed.length)}</Subtitle2>
      {confirmed.map((c) => (
        <div key={c.key}>
          <Text>{c.message}</Text>
          <br />
          <Caption1>
            {s.explanation}：{c.explanation}（{c.at}）{" "}
          </Caption1>
          <Link as="button" onClick={() => void checker.unconfirm(c.key)}>
            {s.undoConfirm}
          </Link>
        </div>
      ))}
    </div>
  );
}

/** Check, clear the marks, the progress of a check, and the live re-check switch. */
function CheckControls({ checker, s, onChecked }: { checker: Checker; s: Strings; onChecked: () => void }) {
  const styles = useStyles();
  const { busy, settings } = checker;
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void checker.check().then(onChecked)} disabled={busy !== null}>
          {busy ? s.checking : s.checkWorkbook}
        </Button>
        <Button onClick={() => void checker.clearMarks().then((n) => checker.setNotice({ intent: "info", text: s.cleared(n) }))} disabled={busy !== null}>
          {s.clearMarks}
        </Button>
      </div>
      {busy && (
        <div role="status">
          <ProgressBar value={busy.total ? (busy.done ?? 0) / busy.total : undefined} />
          <Caption1>{busy.total ? s.reading(busy.done ?? 0, busy.total, busy.what) : s.checking}</Caption1>
        </div>
      )}
      <Switch
        label={s.liveCheck}
        checked={settings?.liveCheck ?? false}
        disabled={!settings}
        onChange={(_, d) => settings && void checker.saveSettings({ ...settings, liveCheck: d.checked })}
      />
    </>
  );
}

/** The findings shown (by level), in groups, in reading order with each one's position, and the counts by level. */
function useFindingList(checker: Checker, s: Strings, shown: Record<FindingLevel, boolean>, groupBy: GroupBy) {
  const { outcome, visible } = checker;
  const tableNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of outcome?.model.tables ?? []) m.set(t.sheet, m.has(t.sheet) ? `${m.get(t.sheet)}、${t.kindName}` : t.kindName);
    return m;
  }, [outcome]);
  const counts = useMemo(() => countByLevel(visible), [visible]);
  const groups = useMemo(
    () =>
      findingGroups(
        visible.filter((f) => shown[f.level]),
        groupBy,
        tableNames,
        s.wholeWorkbook,
      ),
    [visible, shown, groupBy, tableNames, s],
  );
  const ordered = useMemo(() => groups.flatMap((g) => g.findings), [groups]);
  const position = useMemo(() => new Map(ordered.map((f, i) => [f, i])), [ordered]);
  return { counts, groups, ordered, position };
}

/** 上一个 / 下一个 through the findings shown, and where the current one stands. */
function FindingNavigator({ s, count, current, go }: { s: Strings; count: number; current: number; go: (i: number) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button size="small" onClick={() => go(current - 1)}>
        {s.previous}
      </Button>
      <Button size="small" onClick={() => go(current + 1)}>
        {s.next}
      </Button>
      <Caption1>{current >= 0 ? s.position(current + 1, count) : ""}</Caption1>
    </div>
  );
}

export function CheckTab({ checker, s }: { checker: Checker; s: Strings }) {
  const styles = useStyles();
  const { outcome, visible, busy, settings, shown } = checker;
  const [groupBy, setGroupBy] = useState<GroupBy>("table");
  const [current, setCurrent] = useState(-1);
  const [confirming, setConfirming] = useState<Finding | null>(null);

  const { counts, groups, ordered, position } = useFindingList(checker, s, shown, groupBy);

  const go = (i: number) => {
    if (ordered.length === 0) return;
    const n = (i + ordered.length) % ordered.length;
    setCurrent(n);
    const f = ordered[n];
    void checker.jump(f.suspect ? [f.suspect] : f.cells.slice(0, 1));
  };

  return (
    <section className={styles.root} aria-label={s.tabCheck}>
      <CheckControls checker={checker} s={s} onChecked={() => setCurrent(-1)} />
      {!outcome && !busy && <Body1>{s.notChecked}</Body1>}
      {outcome && (
        <>
          <Body1 role="status" aria-live="polite">
            {s.checkedSummary(outcome.model.tables.length, checker.marked)}
            {!shown.info && counts.info > 0 ? s.hiddenInfo(counts.info) : ""}
          </Body1>
          <ExportControls checker={checker} s={s} />
          <div className={styles.row} role="group" aria-label={s.filterLevels}>
            {LEVELS.map((l) => (
              <ToggleButton key={l} size="small" checked={shown[l]} onClick={() => void checker.setShown({ ...shown, [l]: !shown[l] })} data-level={l}>
                {s.level[l]} {counts[l]}
              </ToggleButton>
            ))}
          </div>
          <RadioGroup layout="horizontal" value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)} aria-label={s.groupBy}>
            <Radio value="table" label={s.groupByTable} />
            <Radio value="rule" label={s.groupByRule} />
          </RadioGroup>
          {ordered.length > 0 && <FindingNavigator s={s} count={ordered.length} current={current} go={go} />}
          {visible.length === 0 && <Body1>{s.noFindings}</Body1>}
          {visible.length > 0 && ordered.length === 0 && <Body1>{s.nothingShown}</Body1>}
          <div className={styles.list}>
            {groups.map((g) => (
              <div key={g.title} className={styles.group}>
                <Subtitle2 as="h3">{g.title}</Subtitle2>
                <div role="list" className={styles.list}>
                  {g.findings.map((f) => (
                    <FindingCard
                      key={`${findingKey(f)}#${position.get(f) ?? -1}`}
                      checker={checker}
                      s={s}
                      finding={f}
                      index={position.get(f) ?? -1}
                      current={current}
                      setCurrent={setCurrent}
                      setConfirming={setConfirming}
                    />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </>
      )}
      {settings && settings.confirmed.length > 0 && <ConfirmedList checker={checker} s={s} confirmed={settings.confirmed} />}
      <ConfirmDialog
        finding={confirming}
        s={s}
        onCancel={() => setConfirming(null)}
        onSave={(text) => {
          const f = confirming;
          setConfirming(null);
          if (f) void checker.confirm(f, text);
        }}
      />
    </section>
  );
}

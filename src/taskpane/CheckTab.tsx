import { useEffect, useMemo, useRef, useState } from "react";
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
import { countByLevel } from "../engine";
import type { CellAddress } from "../grid/address";
import { cellText } from "../grid/workbook";
import type { Finding, FindingLevel, SuspectCell } from "../rules/types";
import { ruleHelp } from "../rules/registry";
import { ConfirmDialog, FillDialog } from "./ConfirmDialog";
import type { CardMove } from "./CardShell";
import { FindingItem, type CardContext } from "./FindingItem";
import { itemKey, listGroups, type GroupBy, type ListGroup, type ListItem } from "./findingList";
import { SuspectItem } from "./SuspectItem";
import { ExportControls } from "./ExportControls";
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

const LEVELS: FindingLevel[] = ["error", "warning", "info"];

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

/** The cards shown (the findings of the levels shown), in groups, in reading order with each one's position, and the counts by level. */
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
      listGroups(
        visible.filter((f) => shown[f.level]),
        groupBy,
        {
          table: (k) => (tableNames.get(k) ? `${k}（${tableNames.get(k)}）` : k),
          rule: (id) => ruleHelp(id)?.name ?? s.wholeWorkbook,
          whole: s.wholeWorkbook,
          suspects: s.suspectsGroup,
        },
      ),
    [visible, shown, groupBy, tableNames, s],
  );
  const ordered = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const position = useMemo(() => new Map(ordered.map((f, i) => [f, i])), [ordered]);
  return { counts, groups, ordered, position };
}

/** 上一个 / 下一个 through the cards shown (from none: 下一个 the first, 上一个 the last), and where the current one stands. */
function FindingNavigator({ s, count, current, go }: { s: Strings; count: number; current: number; go: (i: number) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button size="small" disabled={current === 0} onClick={() => go(current < 0 ? count - 1 : current - 1)}>
        {s.previous}
      </Button>
      <Button size="small" disabled={current === count - 1} onClick={() => go(current + 1)}>
        {s.next}
      </Button>
      <Caption1>{current >= 0 ? s.position(current + 1, count) : ""}</Caption1>
    </div>
  );
}

/** Where a card's jump goes: a suspect's cell, else the finding's suspect or its first cell. */
function targetOf(item: ListItem): CellAddress[] {
  if (item.kind === "suspect") return [item.suspect];
  return item.finding.suspect ? [item.finding.suspect] : item.finding.cells.slice(0, 1);
}

/**
 * The current card and the focus: the current card is scrolled into view; ↑/↓ move the focus (and the
 * current card) without wrapping; after a dialog or a re-check the focus returns to the card at the same
 * place in the list (or the list's heading when it is empty).
 */
function useListFocus(ordered: ListItem[]) {
  const [current, setCurrent] = useState(-1);
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (current >= 0) cards.current[current]?.scrollIntoView?.({ block: "nearest" });
  }, [current]);
  useEffect(() => {
    if (!returnFocus) return;
    setReturnFocus(false);
    const at = Math.min(Math.max(current, 0), ordered.length - 1);
    if (at >= 0) {
      setCurrent(at);
      cards.current[at]?.focus();
    }
  }, [returnFocus, ordered, current]);
  const move = (from: number, m: CardMove) => {
    const last = ordered.length - 1;
    const to = m === "first" ? 0 : m === "last" ? last : Math.min(Math.max(from + m, 0), last);
    setCurrent(to);
    cards.current[to]?.focus();
  };
  return { current, setCurrent, cards, move, returnFocusSoon: () => setReturnFocus(true) };
}

/** The groups of cards, each under its heading; one Tab stop for the whole list. */
function CardList(p: {
  checker: Checker;
  s: Strings;
  groups: ListGroup[];
  position: Map<ListItem, number>;
  focus: ReturnType<typeof useListFocus>;
  setConfirming: (f: Finding) => void;
  setFilling: (suspect: SuspectCell) => void;
}) {
  const styles = useStyles();
  const { checker, s, focus } = p;
  const snapshot = checker.outcome?.snapshot;
  const ctx: CardContext = {
    s,
    onJump: (cells) => void checker.jump(cells),
    valueOf: (c) => (snapshot ? cellText(snapshot, c) : ""),
    onAcceptFix: (f) => f.fix && void checker.applyEdits(f.fix.edits, s.fixed(f.fix.label)).then(focus.returnFocusSoon),
    onFill: p.setFilling,
  };
  const tabStop = Math.max(focus.current, 0);
  return (
    <div className={styles.list} aria-label={s.listLabel} role="region">
      {p.groups.map((g) => (
        <div key={g.title} className={styles.group}>
          <Subtitle2 as="h3">{g.title}</Subtitle2>
          <div role="list" className={styles.list}>
            {g.items.map((item) => {
              const i = p.position.get(item) ?? -1;
              const common = {
                ref: (el: HTMLDivElement | null) => void (focus.cards.current[i] = el),
                ctx,
                current: i === focus.current,
                tabbable: i === tabStop,
                onSelect: () => focus.setCurrent(i),
                onMove: (m: CardMove) => focus.move(i, m),
              };
              if (item.kind === "suspect") return <SuspectItem key={itemKey(item, findingKey)} {...common} suspect={item.suspect} findings={item.findings} />;
              const f = item.finding;
              return (
                <FindingItem
                  key={`${itemKey(item, findingKey)}#${i}`}
                  {...common}
                  finding={f}
                  onConfirm={f.level === "warning" ? () => p.setConfirming(f) : undefined}
                />
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The summary line, the level toggles and the grouping choice. */
function ListControls({
  checker,
  s,
  counts,
  groupBy,
  setGroupBy,
}: {
  checker: Checker;
  s: Strings;
  counts: Record<FindingLevel, number>;
  groupBy: GroupBy;
  setGroupBy: (g: GroupBy) => void;
}) {
  const styles = useStyles();
  const { outcome, shown } = checker;
  return (
    <>
      <Body1 role="status" aria-live="polite">
        {s.checkedSummary(outcome?.model.tables.length ?? 0, checker.marked)}
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
    </>
  );
}

/** 选中并填入建议值: selects the suspect cell, asks, and writes the proposed value only when the officer agrees. */
function useFill(checker: Checker, s: Strings, afterwards: () => void) {
  const [filling, setFilling] = useState<{ suspect: SuspectCell; before: string } | null>(null);
  const ask = (suspect: SuspectCell) => {
    const snapshot = checker.outcome?.snapshot;
    void checker.jump([suspect]);
    setFilling({ suspect, before: snapshot ? cellText(snapshot, suspect) : "" });
  };
  const cancel = () => {
    setFilling(null);
    afterwards();
  };
  const write = () => {
    const f = filling;
    setFilling(null);
    if (!f || f.suspect.proposed === undefined) return;
    const cell = `${f.suspect.sheet}!${f.suspect.address}`;
    const edit = { sheet: f.suspect.sheet, address: f.suspect.address, before: f.before, after: Number(f.suspect.proposed) };
    void checker.applyEdits([edit], s.filled(cell, f.suspect.proposed)).then(afterwards);
  };
  return { filling, ask, cancel, write };
}

export function CheckTab({ checker, s }: { checker: Checker; s: Strings }) {
  const styles = useStyles();
  const { outcome, visible, busy, settings, shown } = checker;
  const [groupBy, setGroupBy] = useState<GroupBy>("table");
  const [confirming, setConfirming] = useState<Finding | null>(null);
  const { counts, groups, ordered, position } = useFindingList(checker, s, shown, groupBy);
  const focus = useListFocus(ordered);
  const fill = useFill(checker, s, focus.returnFocusSoon);

  const go = (i: number) => {
    if (i < 0 || i >= ordered.length) return;
    focus.setCurrent(i);
    void checker.jump(targetOf(ordered[i]));
  };

  return (
    <section className={styles.root} aria-label={s.tabCheck}>
      <CheckControls checker={checker} s={s} onChecked={() => focus.setCurrent(-1)} />
      {!outcome && !busy && <Body1>{s.notChecked}</Body1>}
      {outcome && (
        <>
          <ListControls checker={checker} s={s} counts={counts} groupBy={groupBy} setGroupBy={setGroupBy} />
          {ordered.length > 0 && <FindingNavigator s={s} count={ordered.length} current={focus.current} go={go} />}
          {visible.length === 0 && <Body1>{s.noFindings}</Body1>}
          {visible.length > 0 && ordered.length === 0 && <Body1>{s.nothingShown}</Body1>}
          <CardList checker={checker} s={s} groups={groups} position={position} focus={focus} setConfirming={setConfirming} setFilling={fill.ask} />
        </>
      )}
      {settings && settings.confirmed.length > 0 && <ConfirmedList checker={checker} s={s} confirmed={settings.confirmed} />}
      <FillDialog fill={fill.filling} s={s} onFill={fill.write} onCancel={fill.cancel} />
      <ConfirmDialog
        finding={confirming}
        s={s}
        onCancel={() => {
          setConfirming(null);
          focus.returnFocusSoon();
        }}
        onSave={(text) => {
          const f = confirming;
          setConfirming(null);
          if (f) void checker.confirm(f, text).then(focus.returnFocusSoon);
        }}
      />
    </section>
  );
}

import { forwardRef, useState } from "react";
import type { CellAddress } from "../grid/address";
import { Badge, Button, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, FindingCell, FindingLevel, SuspectCell } from "../rules/types";
import type { Strings } from "../addin/i18n";
import { ruleHelp } from "../rules/registry";
import { CardShell, INNER, type CardMove } from "./CardShell";

export const BADGE_COLOR: Record<FindingLevel, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export const useCardStyles = makeStyles({
  head: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  // long text wraps where it must, never inside a figure (break-all cut “7544.13” into “754” / “4.13”)
  message: { overflowWrap: "anywhere" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  amounts: { color: tokens.colorNeutralForeground2 },
  figure: { whiteSpace: "nowrap" },
  proposed: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  cells: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  sides: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalS },
  help: {
    flexBasis: "100%",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** What a card needs from the list around it. */
export interface CardContext {
  s: Strings;
  /** Goes to these cells in the workbook. */
  onJump(cells: CellAddress[]): void;
  /** The cell's shown text as the check read it (for the 对侧 values). */
  valueOf(c: CellAddress): string;
  /** Writes a finding's certain fix (the officer accepted it). */
  onAcceptFix(f: Finding): void;
  /** Asks to fill a suspect's proposed value in (after a confirmation). */
  onFill(suspect: SuspectCell): void;
}

export function cellLabel(c: CellAddress, home: string | undefined): string {
  return c.sheet === home ? c.address : `${c.sheet}!${c.address}`;
}

/** A link to one cell, reached inside its card with ←/→. */
export function CellLink({ c, home, ctx }: { c: CellAddress; home: string | undefined; ctx: CardContext }) {
  return (
    <Link
      {...INNER}
      as="button"
      onClick={(e) => {
        e.stopPropagation();
        ctx.onJump([c]);
      }}
      aria-label={ctx.s.jumpTo(`${c.sheet}!${c.address}`)}
    >
      {cellLabel(c, home)}
    </Link>
  );
}

/** The finding's figures as the card lists them: 应为, 实为, 差额, 允许尾差 (those it has). */
function amountsOf(f: Finding, s: Strings): string[] {
  return [
    f.expected !== undefined ? `${s.expected} ${f.expected}` : "",
    f.actual !== undefined ? `${s.actual} ${f.actual}` : "",
    f.difference !== undefined ? `${s.difference} ${f.difference}` : "",
    f.tolerance !== undefined ? `${s.tolerance} ${f.tolerance}` : "",
  ].filter((x) => x !== "");
}

/** An amount as a cell shows it (blank included): what the sides of an equation between tables hold. */
const AMOUNT = /^[-+]?[\d,，.\s]*$/;

/** The two sides of an equation between amounts on more than one sheet, each with its sheet; none otherwise (a 情况说明 sentence is no side). */
function crossSheetSides(f: Finding, valueOf: (c: CellAddress) => string): { sheet: string; total?: string; cells: FindingCell[] }[] {
  const left = f.cells.filter((c) => c.side === "left");
  const right = f.cells.filter((c) => c.side === "right");
  if (left.length === 0 || right.length === 0) return [];
  if (![...left, ...right].every((c) => AMOUNT.test(valueOf(c)))) return [];
  const sheets = new Set([...left, ...right].map((c) => c.sheet));
  if (sheets.size < 2) return [];
  return [
    { sheet: left[0].sheet, total: f.actual, cells: left },
    { sheet: right[0].sheet, total: f.expected, cells: right },
  ];
}

/** 对侧: both sides of a cross-sheet equation, each cell with its value and a link to it. */
function OtherSide({ f, ctx }: { f: Finding; ctx: CardContext }) {
  const styles = useCardStyles();
  const [open, setOpen] = useState(false);
  const sides = crossSheetSides(f, ctx.valueOf);
  if (sides.length === 0) return null;
  return (
    <>
      <Button
        {...INNER}
        size="small"
        appearance="subtle"
        aria-expanded={open}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        {open ? ctx.s.hideOtherSide : ctx.s.otherSide}
      </Button>
      {open && (
        <div className={styles.sides}>
          {sides.map((side) => (
            <div key={side.sheet} className={styles.cells}>
              <Caption1>{ctx.s.sideTotal(side.sheet, side.total ?? "")}：</Caption1>
              {side.cells.map((c, i) => (
                <span key={`${c.address}#${i}`} className={styles.figure}>
                  <CellLink c={c} home={side.sheet} ctx={ctx} /> <Caption1>{ctx.valueOf(c) || "—"}</Caption1>
                </span>
              ))}
            </div>
          ))}
        </div>
      )}
    </>
  );
}

/** A finding's figures, cells (each a link) and, across sheets, its 对侧 control (the message is the caller's). */
export function FindingFacts({ f, ctx }: { f: Finding; ctx: CardContext }) {
  const styles = useCardStyles();
  const home = f.sheet ?? f.cells[0]?.sheet;
  const left = f.cells.filter((c) => c.side === "left");
  const right = f.cells.filter((c) => c.side === "right");
  const other = f.cells.filter((c) => c.side === undefined);
  const link = (c: CellAddress, i: number) => <CellLink key={`${c.sheet}!${c.address}#${i}`} c={c} home={home} ctx={ctx} />;
  const amounts = amountsOf(f, ctx.s);
  return (
    <>
      {amounts.length > 0 && (
        <Caption1 className={styles.amounts}>
          {amounts.map((a, i) => (
            <span key={a} className={styles.figure}>
              {i > 0 ? "；" : ""}
              {a}
            </span>
          ))}
        </Caption1>
      )}
      {f.cells.length > 0 && (
        <div className={styles.cells}>
          <Caption1>{ctx.s.cells}：</Caption1>
          {left.map(link)}
          {left.length > 0 && right.length > 0 && <Caption1 aria-hidden>↔</Caption1>}
          {right.map(link)}
          {other.map(link)}
          <OtherSide f={f} ctx={ctx} />
        </div>
      )}
    </>
  );
}

/** 规则说明: the rule's name, whether it must hold, what it checks and why, and an example — opened under the card. */
export function RuleHelpToggle({ ruleId, ctx }: { ruleId: string; ctx: CardContext }) {
  const styles = useCardStyles();
  const [open, setOpen] = useState(false);
  const help = ruleHelp(ruleId);
  if (!help) return null;
  const { s } = ctx;
  return (
    <>
      <Link
        {...INNER}
        as="button"
        aria-expanded={open}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        {open ? s.hideRuleHelp : s.ruleHelp}
      </Link>
      {open && (
        <div className={styles.help}>
          <Caption1>
            <b>{help.name}</b>（{s.ruleLevel[help.level] ?? help.level}）
          </Caption1>
          <Caption1 className={styles.message}>{help.explanation}</Caption1>
          <Caption1 className={styles.message}>
            {s.example}：{help.example}
          </Caption1>
        </div>
      )}
    </>
  );
}

/** A certain fix of the finding (a 情况说明 figure written wrongly …), to accept or dismiss; nothing once dismissed. */
function FixOffer({ f, ctx }: { f: Finding; ctx: CardContext }) {
  const styles = useCardStyles();
  const [dismissed, setDismissed] = useState(false);
  if (!f.fix || dismissed) return null;
  const { s } = ctx;
  const fix = f.fix;
  return (
    <div className={styles.actions}>
      <Caption1 className={styles.message}>
        {s.fixSuggestion}：{fix.label}
      </Caption1>
      <Button
        {...INNER}
        size="small"
        appearance="primary"
        onClick={(e) => {
          e.stopPropagation();
          ctx.onAcceptFix(f);
        }}
      >
        {s.acceptFix}
      </Button>
      <Button
        {...INNER}
        size="small"
        onClick={(e) => {
          e.stopPropagation();
          setDismissed(true);
        }}
      >
        {s.dismissFix}
      </Button>
    </div>
  );
}

export interface FindingItemProps {
  finding: Finding;
  ctx: CardContext;
  current: boolean;
  tabbable: boolean;
  onSelect(): void;
  onMove(move: CardMove): void;
  onConfirm?: () => void;
}

/** One finding's card: its level, message, figures, cells, suspect (with the value it should hold) and, for a 提示, 核实. */
export const FindingItem = forwardRef<HTMLDivElement, FindingItemProps>(function FindingItem(
  { finding: f, ctx, current, tabbable, onSelect, onMove, onConfirm },
  ref,
) {
  const styles = useCardStyles();
  const { s } = ctx;
  const home = f.sheet ?? f.cells[0]?.sheet;
  const target = f.suspect ? [f.suspect] : f.cells.slice(0, 1);
  return (
    <CardShell
      ref={ref}
      label={`${s.level[f.level]}：${f.message}`}
      level={f.level}
      ruleId={f.ruleId}
      current={current}
      tabbable={tabbable}
      onActivate={() => {
        onSelect();
        ctx.onJump(target);
      }}
      onFocusCard={onSelect}
      onMove={onMove}
    >
      <div className={styles.head}>
        <Badge className={styles.badge} appearance="tint" color={BADGE_COLOR[f.level]} shape="rounded">
          {s.level[f.level]}
        </Badge>
        <Text className={styles.message}>{f.message}</Text>
      </div>
      <FindingFacts f={f} ctx={ctx} />
      <FixOffer f={f} ctx={ctx} />
      <div className={styles.cells}>
        <Caption1>{s.suspect}：</Caption1>
        {f.suspect && <CellLink c={f.suspect} home={home} ctx={ctx} />}
        {f.suspect?.proposed !== undefined && <Caption1 className={styles.proposed}>{s.proposed(f.suspect.proposed)}</Caption1>}
        <Caption1 className={styles.amounts}>{f.suspectNote ?? (f.suspect ? "" : s.noSuspect)}</Caption1>
      </div>
      <div className={styles.actions}>
        <RuleHelpToggle ruleId={f.ruleId} ctx={ctx} />
        {onConfirm && (
          <Button
            {...INNER}
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              onConfirm();
            }}
          >
            {s.confirm}
          </Button>
        )}
      </div>
    </CardShell>
  );
});

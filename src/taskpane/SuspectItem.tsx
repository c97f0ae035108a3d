import { forwardRef, useState } from "react";
import { Badge, Button, Caption1, Divider, Text } from "@fluentui/react-components";
import type { Finding, SuspectCell } from "../rules/types";
import { CardShell, INNER, type CardMove } from "./CardShell";
import { BADGE_COLOR, cellLabel, FindingFacts, RuleHelpToggle, useCardStyles, type CardContext } from "./FindingItem";

export interface SuspectItemProps {
  suspect: SuspectCell;
  /** The failing equations the cell sits in. */
  findings: Finding[];
  ctx: CardContext;
  current: boolean;
  tabbable: boolean;
  onSelect(): void;
  onMove(move: CardMove): void;
}

/**
 * One card for a cell that several failing equations blame: what it should hold and how many equations
 * that sets right, a button that selects it, one that fills the proposed value in (after a confirmation),
 * and the equations themselves folded under it.
 */
export const SuspectItem = forwardRef<HTMLDivElement, SuspectItemProps>(function SuspectItem(p, ref) {
  const styles = useCardStyles();
  const { s } = p.ctx;
  const [open, setOpen] = useState(false);
  const cell = cellLabel(p.suspect, undefined);
  const n = p.findings.length;
  const verdict = p.suspect.proposed !== undefined ? s.suspectFixes(p.suspect.proposed, n) : s.suspectBreaks(n);
  const stop = (act: () => void) => (e: { stopPropagation(): void }) => {
    e.stopPropagation();
    act();
  };
  return (
    <CardShell
      ref={ref}
      label={`${s.level.error}：${s.suspectTitle(cell)}，${verdict}`}
      level="error"
      ruleId={[...new Set(p.findings.map((f) => f.ruleId))].join(" ")}
      current={p.current}
      tabbable={p.tabbable}
      onActivate={() => {
        p.onSelect();
        p.ctx.onJump([p.suspect]);
      }}
      onFocusCard={p.onSelect}
      onMove={p.onMove}
    >
      <div className={styles.head}>
        <Badge className={styles.badge} appearance="tint" color={BADGE_COLOR.error} shape="rounded">
          {s.level.error}
        </Badge>
        <Text weight="semibold" className={styles.message}>
          {s.suspectTitle(cell)}
        </Text>
      </div>
      <Text className={p.suspect.proposed !== undefined ? styles.proposed : styles.message}>{verdict}</Text>
      <div className={styles.actions}>
        <Button {...INNER} size="small" onClick={stop(() => p.ctx.onJump([p.suspect]))}>
          {s.selectCell(p.suspect.address)}
        </Button>
        {p.suspect.proposed !== undefined && (
          <Button {...INNER} size="small" onClick={stop(() => p.ctx.onFill(p.suspect))}>
            {s.fillProposed}
          </Button>
        )}
        <Button {...INNER} size="small" appearance="subtle" aria-expanded={open} onClick={stop(() => setOpen(!open))}>
          {open ? s.hideEquations : s.showEquations(n)}
        </Button>
      </div>
      {open &&
        p.findings.map((f, i) => (
          <div key={`${f.ruleId}|${i}`} className={styles.sides}>
            <Divider />
            <Caption1 className={styles.message}>{f.message}</Caption1>
            <FindingFacts f={f} ctx={p.ctx} />
            <div className={styles.actions}>
              <RuleHelpToggle ruleId={f.ruleId} ctx={p.ctx} />
            </div>
          </div>
        ))}
    </CardShell>
  );
});

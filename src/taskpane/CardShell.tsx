/**
 * A card of the findings list: one Tab stop for the whole list (the current card; the others and every
 * control inside a card are reached with the arrow keys), ↑/↓ (Home/End) between cards, Enter to go to the
 * card's cell, → / ← through the card's own controls, Esc back from a control to its card.
 */
import { forwardRef, type KeyboardEvent, type ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/** Where ↑/↓/Home/End send the focus: a step from this card, or the first/last card. */
export type CardMove = 1 | -1 | "first" | "last";

/** Marks a control inside a card as reachable with ←/→ (it is left out of the Tab order). */
export const INNER = { "data-inner": "", tabIndex: -1 } as const;

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    scrollMarginBlock: tokens.spacingVerticalXXL,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { border: `2px solid ${tokens.colorBrandStroke1}` },
});

export interface CardShellProps {
  /** What a screen reader announces for the card (its level and gist). */
  label: string;
  level: string;
  ruleId?: string;
  current: boolean;
  /** Whether the card is the list's Tab stop. */
  tabbable: boolean;
  /** Makes it the current card and goes to its cell (click, Enter). */
  onActivate(): void;
  /** Focus moved onto the card (with the arrow keys or a click). */
  onFocusCard(): void;
  onMove(move: CardMove): void;
  children: ReactNode;
}

function innerControls(card: HTMLElement): HTMLElement[] {
  return [...card.querySelectorAll<HTMLElement>("[data-inner]")].filter((e) => !(e as HTMLButtonElement).disabled);
}

const MOVES: Record<string, CardMove> = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" };

/** The keys of a card: moves between cards from anywhere in it, ←/→ through its controls, Enter and Esc on the card. */
function onCardKey(e: KeyboardEvent<HTMLDivElement>, p: CardShellProps): void {
  const card = e.currentTarget;
  const onCard = e.target === card;
  const move = MOVES[e.key];
  if (move !== undefined) {
    e.preventDefault();
    p.onMove(move);
  } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
    const controls = innerControls(card);
    if (controls.length === 0) return;
    e.preventDefault();
    const at = controls.indexOf(e.target as HTMLElement);
    const step = e.key === "ArrowRight" ? 1 : -1;
    const next = onCard ? (step === 1 ? 0 : controls.length - 1) : (at + step + controls.length) % controls.length;
    controls[next].focus();
  } else if (e.key === "Escape" && !onCard) {
    e.preventDefault();
    card.focus();
  } else if ((e.key === "Enter" || e.key === " ") && onCard) {
    e.preventDefault();
    p.onActivate();
  }
}

export const CardShell = forwardRef<HTMLDivElement, CardShellProps>(function CardShell(p, ref) {
  const styles = useStyles();
  return (
    <div
      ref={ref}
      role="listitem"
      aria-label={p.label}
      tabIndex={p.tabbable ? 0 : -1}
      aria-current={p.current ? "true" : undefined}
      data-rule={p.ruleId}
      data-level={p.level}
      className={mergeClasses(styles.card, p.current && styles.current)}
      onClick={p.onActivate}
      onFocus={(e) => e.target === e.currentTarget && p.onFocusCard()}
      onKeyDown={(e) => onCardKey(e, p)}
    >
      {p.children}
    </div>
  );
});

import type { CellAddress } from "../grid/address";
import { Badge, Button, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, FindingLevel } from "../rules/types";
import type { Strings } from "../addin/i18n";

const BADGE_COLOR: Record<FindingLevel, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { border: `2px solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  // long text wraps where it must, never inside a figure (break-all cut “7544.13” into “754” / “4.13”)
  message: { overflowWrap: "anywhere" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  amounts: { color: tokens.colorNeutralForeground2 },
  proposed: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  cells: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

export interface FindingItemProps {
  finding: Finding;
  s: Strings;
  current: boolean;
  onJump(cells: CellAddress[]): void;
  onSelect(): void;
  onConfirm?: () => void;
}

function cellLabel(c: CellAddress, sheetOfFinding: string | undefined): string {
  return c.sheet === sheetOfFinding ? c.address : `${c.sheet}!${c.address}`;
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

export function FindingItem({ finding: f, s, current, onJump, onSelect, onConfirm }: FindingItemProps) {
  const styles = useStyles();
  const home = f.sheet ?? f.cells[0]?.sheet;
  const left = f.cells.filter((c) => c.side === "left");
  const right = f.cells.filter((c) => c.side === "right");
  const other = f.cells.filter((c) => c.side === undefined);
  const target = f.suspect ? [f.suspect] : f.cells.slice(0, 1);
  const link = (c: CellAddress, i: number) => (
    <Link
      key={`${c.sheet}!${c.address}#${i}`}
      as="button"
      onClick={(e) => {
        e.stopPropagation();
        onJump([c]);
      }}
      aria-label={s.jumpTo(`${c.sheet}!${c.address}`)}
    >
      {cellLabel(c, home)}
    </Link>
  );
  const amounts = amountsOf(f, s);
  return (
    <div
      role="listitem"
      tabIndex={0}
      aria-current={current ? "true" : undefined}
      data-rule={f.ruleId}
      data-level={f.level}
      className={mergeClasses(styles.item, current && styles.current)}
      onClick={() => {
        onSelect();
        onJump(target);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && e.target === e.currentTarget) {
          onSelect();
          onJump(target);
        }
      }}
    >
      <div className={styles.head}>
        <Badge className={styles.badge} appearance="tint" color={BADGE_COLOR[f.level]} shape="rounded">
          {s.level[f.level]}
        </Badge>
        <Text className={styles.message}>{f.message}</Text>
      </div>
      {amounts.length > 0 && <Caption1 className={styles.amounts}>{amounts.join("；")}</Caption1>}
      <div className={styles.cells}>
        <Caption1>{s.cells}：</Caption1>
        {left.map(link)}
        {left.length > 0 && right.length > 0 && <Caption1 aria-hidden>↔</Caption1>}
        {right.map(link)}
        {other.map(link)}
      </div>
      <div className={styles.cells}>
        <Caption1>{s.suspect}：</Caption1>
        {f.suspect && link(f.suspect, 0)}
        {f.suspect?.proposed !== undefined && <Caption1 className={styles.proposed}>{s.proposed(f.suspect.proposed)}</Caption1>}
        <Caption1 className={styles.amounts}>{f.suspectNote ?? (f.suspect ? "" : s.noSuspect)}</Caption1>
      </div>
      {onConfirm && (
        <div className={styles.actions}>
          <Button
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              onConfirm();
            }}
          >
            {s.confirm}
          </Button>
        </div>
      )}
    </div>
  );
}

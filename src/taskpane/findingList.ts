/**
 * What the check tab lists, as cards in groups: one card per finding, except that the errors whose
 * failing equations point at one cell (their common suspect) are one card for that cell — "E10 应为
 * 71.99（使 3 个等式成立）" — with those equations folded under it, so that the officer corrects the cell
 * the equations blame and not a cell whose equation merely broke with it.
 */
import { groupFindings } from "../engine";
import type { Finding, FindingLevel, SuspectCell } from "../rules/types";

export type ListItem =
  | { kind: "finding"; finding: Finding; level: FindingLevel }
  | {
      kind: "suspect";
      /** The cell the equations point at, and the value that sets them all right when one does. */
      suspect: SuspectCell;
      /** The failing equations it sits in (the consequences of its value), in list order. */
      findings: Finding[];
      level: FindingLevel;
    };

export interface ListGroup {
  title: string;
  items: ListItem[];
}

export type GroupBy = "table" | "rule";

export function suspectKey(c: { sheet: string; address: string }): string {
  return `${c.sheet}!${c.address}`;
}

/** A stable key for a card (React's key, and the card the list returns to after a re-check). */
export function itemKey(item: ListItem, findingKey: (f: Finding) => string): string {
  return item.kind === "suspect" ? `suspect|${suspectKey(item.suspect)}` : findingKey(item.finding);
}

/** The errors of `findings` blamed on one cell by two or more failing equations, by that cell. */
function suspectClusters(findings: Finding[]): Map<string, Finding[]> {
  const by = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.level !== "error" || !f.suspect) continue;
    const k = suspectKey(f.suspect);
    by.set(k, [...(by.get(k) ?? []), f]);
  }
  for (const [k, list] of by) if (list.length < 2) by.delete(k);
  return by;
}

/** The cards of one group's findings (in their order): a cluster's card where its first finding stood. */
function itemsOf(findings: Finding[], clusters: Map<string, Finding[]>): ListItem[] {
  const items: ListItem[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const k = f.level === "error" && f.suspect ? suspectKey(f.suspect) : "";
    const cluster = k ? clusters.get(k) : undefined;
    if (!cluster) {
      items.push({ kind: "finding", finding: f, level: f.level });
      continue;
    }
    if (placed.has(k)) continue;
    placed.add(k);
    items.push({ kind: "suspect", suspect: f.suspect as SuspectCell, findings: cluster, level: "error" });
  }
  return items;
}

/**
 * The groups of cards: by table (a cluster in its suspect's sheet) or by rule (the clusters first, under
 * their own heading, since their equations belong to several rules). Groups with errors come first.
 */
export function listGroups(
  findings: Finding[],
  by: GroupBy,
  names: { table: (sheet: string) => string; rule: (ruleId: string) => string; whole: string; suspects: string },
): ListGroup[] {
  const clusters = suspectClusters(findings);
  const clustered = new Set([...clusters.values()].flat());
  if (by === "rule") {
    const first: ListGroup[] = clusters.size > 0 ? [{ title: names.suspects, items: itemsOf([...clustered], clusters) }] : [];
    const rest = groupFindings(
      findings.filter((f) => !clustered.has(f)),
      (f) => f.ruleId,
    );
    return [...first, ...rest.map(([id, list]) => ({ title: names.rule(id), items: itemsOf(list, clusters) }))];
  }
  // a cluster is listed in its suspect's sheet, whatever sheet its equations' findings name
  const home = (f: Finding) => (clustered.has(f) && f.suspect ? f.suspect.sheet : (f.sheet ?? names.whole));
  return groupFindings(findings, home).map(([sheet, list]) => ({ title: names.table(sheet), items: itemsOf(list, clusters) }));
}

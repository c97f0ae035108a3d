/**
 * The layers of src, one direction only (npm run lint checks them):
 *
 *   grid ← model ← {recognize, narrative, rules} ← engine ← {host, addin, cli, report} ← {taskpane, commands, harness}
 *
 * A folder may import from its own layer's folder and from the layers to its left, never to its right; of
 * the middle three, rules may use narrative (the 情况说明 check is a rule) and neither of the others may
 * use rules. No import circle anywhere.
 */
const LAYERS = [
  ["grid"],
  ["model"],
  ["recognize", "narrative", "rules"],
  ["engine"],
  ["host", "addin", "cli", "report"],
  ["taskpane", "commands", "harness"],
];

const folderPattern = (names) => `^src/(${names.join("|")})(/|\\.ts$)`;

/** For each layer: its modules may not import any module of a layer above it. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.join("-")}`,
  comment: `${layer.join(", ")} is below ${LAYERS.slice(i + 1).flat().join(", ")}: it may not import from them`,
  severity: "error",
  from: { path: folderPattern(layer) },
  to: { path: folderPattern(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "an import circle: move the shared code down to the layer both sides use",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...upward,
    {
      name: "no-rules-from-recognize-or-narrative",
      comment: "rules sit above recognize and narrative: the queries both need live in model",
      severity: "error",
      from: { path: folderPattern(["recognize", "narrative"]) },
      to: { path: folderPattern(["rules"]) },
    },
    {
      name: "no-narrative-from-recognize",
      comment: "recognition does not depend on the narrative",
      severity: "error",
      from: { path: folderPattern(["recognize"]) },
      to: { path: folderPattern(["narrative"]) },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.d\\.ts$" },
  },
};

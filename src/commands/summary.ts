/** What the ribbon's 检查工作簿 button reports when it is done (Chinese first, English available). */
import type { CheckOutcome } from "../addin/check";

export function checkSummary(out: Pick<CheckOutcome, "counts" | "marked">, language: "zh" | "en" = "zh"): string {
  const { error, warning, info } = out.counts;
  if (language === "en") {
    return error + warning + info === 0
      ? "Check finished: no problems found."
      : `Check finished: ${error} error(s), ${warning} warning(s), ${info} rounding difference(s); ${out.marked} cell(s) marked.`;
  }
  return error + warning + info === 0
    ? "检查完成：未发现问题。"
    : `检查完成：错误 ${error} 处，提示 ${warning} 处，尾差 ${info} 处；已标记 ${out.marked} 个单元格。`;
}

export function clearSummary(restored: number, language: "zh" | "en" = "zh"): string {
  return language === "en" ? `Marks cleared: ${restored} cell(s) restored.` : `已清除标记：恢复了 ${restored} 个单元格的原填充。`;
}

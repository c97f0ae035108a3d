import { webLightTheme, type Theme } from "@fluentui/react-components";

/** Fluent's web light theme with a CJK-capable font stack (the stock stack has no Chinese fonts). */
export const appTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
};

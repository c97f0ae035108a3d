// ESLint: typescript-eslint's recommended rules, the type-checked rules that catch real mistakes here
// (promises not awaited or passed where a callback is expected), and a limit on function length. Layers
// and import circles are checked by dependency-cruiser (.dependency-cruiser.cjs); formatting by Prettier.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test/fixtures/**", "coverage/**", "**/*.cjs", "**/*.mjs", "bin/**", "webpack.config.js", "jest.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // a function that does not fit on a screen is split; an exception says why in a comment beside it
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // tests: describe() blocks are long by nature, and test doubles use what a type cannot say
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "max-lines-per-function": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  prettier,
);

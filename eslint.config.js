// npm run lint: ESLint with typescript-eslint's recommended rules, plus limits that keep
// functions short and simple (80 lines, complexity 15), then Prettier's check.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "src/report/html/assets.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
      complexity: ["error", 15],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // The HTML report's script and the web page run in the browser.
  { files: ["src/report/html/report.client.js"], languageOptions: { globals: globals.browser, sourceType: "script" } },
  { files: ["src/web/**/*.ts"], languageOptions: { globals: globals.browser } },
  // Tests are tables of cases in long describe blocks; the function limit is for the code they test.
  { files: ["test/**/*.ts"], rules: { "max-lines-per-function": "off", "@typescript-eslint/no-non-null-assertion": "off" } },
);

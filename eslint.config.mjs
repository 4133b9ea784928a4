import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

const noDb = {
  patterns: [
    {
      group: ["@/db", "@/db/*", "**/db/client", "**/db/schema", "**/db/schema/*"],
      message: "Reach the database through lib/services, not from here.",
    },
  ],
};

// Use cases are called from pages, actions and routes only; the base module (errors, input
// parsing, pages) and the authorization checks are the shared vocabulary, not use cases.
const noServices = {
  // "@/lib/services/…", and the same module reached relatively ("../services/…", "../lib/services/…").
  regex: "^(?:@/lib/|(?:\\.\\./)+(?:lib/)?)services/(?!base/|authorize$)",
  message: "lib/http and db/ do not call use cases; app/ and the CLI do.",
};
/** import("…") is not an import declaration: no-restricted-imports does not see it. */
const noDynamicImport = (pattern, message) => ({
  selector: `ImportExpression[source.value=${pattern}]`,
  message,
});

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**"],
    ignores: ["app/login/**"],
    rules: { "no-restricted-imports": ["error", noDb] },
  },
  {
    // Components get data as props from pages; types come from lib/schemas or lib/types.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...noDb.patterns,
            {
              regex: "^(?:@/|(?:\\.\\./)+)lib/services(?:/|$)",
              message: "Components take data as props; types come from lib/schemas or lib/types.",
            },
            {
              group: ["@/app", "@/app/*"],
              message: "Components do not import pages or actions; types come from lib/schemas or lib/types.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        noDynamicImport("/lib.services/", "Components take data as props; they do not load use cases."),
      ],
    },
  },
  {
    files: ["lib/http/**", "db/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noServices] }],
      "no-restricted-syntax": [
        "error",
        noDynamicImport("/(^|lib.)services.(?!base.|authorize$)/", noServices.message),
      ],
    },
  },
  {
    files: ["lib/http/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noServices, ...noDb.patterns] }] },
  },
  {
    // Pure rules: no database, no framework, no I/O.
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...noDb.patterns,
            {
              group: [
                "next",
                "next/*",
                "@/lib/services/*",
                "@/lib/auth/*",
                "@/components/*",
                "node:fs",
                "fs",
                "postgres",
                "@electric-sql/*",
              ],
              message: "lib/domain holds pure rules only.",
            },
          ],
        },
      ],
    },
  },
  {
    // The layers under the pages never reach up into the UI: words and rules live in lib/domain.
    files: ["lib/services/**", "lib/pdf/**", "lib/audit/**", "lib/seed/**", "lib/jobs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/components", "@/components/*", "@/app/*"],
              message: "lib does not import components or pages; shared words belong in lib/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["e2e/**", "test/**", "bench/**", "scripts/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);

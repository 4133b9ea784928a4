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
    files: ["app/**", "components/**"],
    ignores: ["app/login/**"],
    rules: { "no-restricted-imports": ["error", noDb] },
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
    files: ["e2e/**", "test/**", "bench/**", "scripts/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);

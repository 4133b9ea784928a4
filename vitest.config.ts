import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // The test runner is a server; "server-only" guards against client bundles only.
      "server-only": path.resolve(__dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "test/**/*.test.ts", "app/**/*.test.ts"],
    pool: "forks",
    // The identity provider single sign-on is tested against: a real one, in its own process.
    globalSetup: ["test/idp/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${PORT}`;
/** The test identity provider (test/idp/server.mjs), its own process on the next port. */
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? PORT + 1);
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 120_000,
  // Eight engineers share two cores here, and CI machines are small: a page under load can take
  // longer than 10 s to render. An assertion still has to come true; it is given time to.
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
      dependencies: ["setup"],
    },
  ],
  webServer: [
    {
      command: "node test/idp/server.mjs",
      url: `${IDP_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { IDP_PORT: String(IDP_PORT), IDP_CLIENT_BASES: BASE_URL },
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `${BASE_URL}/api/v1/health`,
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        NEXTAUTH_URL: BASE_URL,
        INTERLOCK_OIDC_ISSUER: IDP_ISSUER,
        INTERLOCK_OIDC_CLIENT_ID: "interlock-test",
        INTERLOCK_OIDC_CLIENT_SECRET: "interlock-test-secret-0123456789abcdef",
        INTERLOCK_OIDC_NAME: "Corporate SSO",
        INTERLOCK_OIDC_SCOPES: "openid email profile groups",
        INTERLOCK_OIDC_AUTO_PROVISION: "1",
      },
    },
  ],
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several runs share a machine
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * A fresh, empty data directory per run: the server migrates and seeds the demo workspace into it on start. The
 * config is evaluated again in every worker; the environment variable makes them all agree on the main process's dir.
 */
const createdHere = !process.env.RELANCE_E2E_DATA_DIR;
const dataDir = (process.env.RELANCE_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "relance-e2e-")));
if (createdHere && !process.env.RELANCE_E2E_KEEP_DATA) {
  // the web server is stopped before the runner exits; its embedded database goes with it
  process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: "./tests",
  // one output directory per port: runs side by side must not clear each other's results
  outputDir: PORT === 3100 ? "test-results" : `test-results-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: BASE_URL,
    // the login page speaks the browser's language before sign-in: make it French, as for most users
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node --import tsx ../apps/server/src/main.ts",
    cwd: import.meta.dirname,
    url: `${BASE_URL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // the specs drive every change themselves; no background dunning run in the middle of them
      SCHEDULER: "off",
      // POST /api/inbound-email is on only with a token; inbound-email.spec.ts posts with this one
      INBOUND_EMAIL_TOKEN: "e2e-inbound-email-token-0123456789",
    },
  },
});

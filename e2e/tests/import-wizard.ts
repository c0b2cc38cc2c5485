import { type Page, expect } from "@playwright/test";

/** Opens the import wizard from the navigation. */
export const openImports = async (page: Page): Promise<void> => {
  await page.getByTestId("nav-imports").click();
  await expect(page.getByTestId("import-wizard")).toBeVisible();
};

/** Chooses a CSV in the wizard, waits for its preview, imports it and answers the status locator. */
export const importCsvFile = async (page: Page, path: string) => {
  await page.getByTestId("import-kind-csv").check();
  await page.getByTestId("import-file").setInputFiles(path);
  await expect(page.getByTestId("preview-table")).toBeVisible();
  await page.getByTestId("import-start").click();
  return page.getByTestId("import-result").getByTestId("import-status");
};

/** Chooses a camt statement in the wizard (no mapping step) and imports it; answers the result panel. */
export const importCamtFile = async (page: Page, path: string) => {
  await page.getByTestId("import-kind-camt").check();
  await page.getByTestId("import-file").setInputFiles(path);
  await expect(page.getByTestId("mapping-step")).toHaveCount(0);
  await page.getByTestId("import-start").click();
  return page.getByTestId("import-result");
};

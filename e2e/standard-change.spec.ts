import { test } from "./fixtures";
import { fileStandardChange } from "./standard-change-helpers";

// Issue 15: a standard change names a model version the change board approved. The demo catalog
// holds "IPS signature update on a cell firewall" at GCR, approved by the board during the seed.
test("a requester files a standard change from an approved catalog model, its plans from the model's template", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const { page } = await fileStandardChange(browser, baseURL!, {
    modelTitle: "IPS signature update on a cell firewall",
    implementationPlan: /Save the running configuration/,
    backoutPlan: /previous signature package/,
  });
  await page.context().close();
});

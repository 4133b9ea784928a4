import path from "node:path";
import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

// The shared corpus beside the checkout (CI: ../shared/csaf); INTERLOCK_CSAF_DIR overrides.
const CSAF_DIR = path.resolve(__dirname, "..", process.env.INTERLOCK_CSAF_DIR ?? "../shared/csaf");

test("security imports an advisory, decides an unknown match; a requester drafts the change and opens it", async ({
  browser,
}, info) => {
  const security = await pageAs(browser, PEOPLE.gcrSecurity);
  await security.goto("/advisories");
  await expect(security.getByRole("heading", { name: "Advisories" })).toBeVisible();
  await expectNoAxeViolations(security);

  // A file that is not JSON is refused plainly, and nothing is imported.
  await security.getByLabel("CSAF 2.0 advisory (JSON)").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("<html>not an advisory</html>"),
  });
  await expect(security.getByText(/is not JSON/)).toBeVisible();

  await security
    .getByLabel("CSAF 2.0 advisory (JSON)")
    .setInputFiles(path.join(CSAF_DIR, "icsa-23-194-06.json"));
  await expect(security.getByRole("heading", { name: /^ICSA-23-194-06/ })).toBeVisible();
  await expect(security.getByText("Imported.")).toBeVisible();
  await expect(security.getByText(/Applicability decision due by .* C[DS]T/)).toBeVisible();
  const decide = security.getByRole("form", { name: "Decide HMI-FCC-01" });
  await expect(decide).toBeVisible();
  await expectNoAxeViolations(security);
  for (const width of [1280, 820]) {
    await security.setViewportSize({ width, height: 900 });
    await security.screenshot({ path: info.outputPath(`advisory-detail-${width}.png`), fullPage: true });
  }
  await security.setViewportSize({ width: 1280, height: 900 });

  await decide.getByLabel("Decision").selectOption("affected");
  await decide.getByLabel("Reason").fill("Console runs the affected Experion release; vendor confirmed.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(security.getByText(/Decided affected by Tomasz Nowak: Console runs/)).toBeVisible();
  await expect(security.getByRole("form", { name: "Decide HMI-FCC-01" })).toHaveCount(0);
  const advisoryUrl = security.url().replace(/\?.*$/, "");

  await security.goto("/advisories");
  await expect(security.getByRole("link", { name: "ICSA-23-194-06" })).toBeVisible();
  for (const width of [1280, 820]) {
    await security.setViewportSize({ width, height: 900 });
    await security.screenshot({ path: info.outputPath(`advisory-list-${width}.png`), fullPage: true });
  }

  const requester = await pageAs(browser, PEOPLE.gcrRequester);
  await requester.goto(advisoryUrl);
  await requester.getByRole("button", { name: "Draft changes" }).click();
  const drafted = requester.getByRole("status").getByRole("link", { name: /^CHG-\d{4}-\d{5}$/ });
  await expect(drafted).toHaveCount(1);
  const number = (await drafted.textContent())!;
  await expect(requester.getByRole("cell", { name: new RegExp(`${number}`) })).toBeVisible();
  await expectNoAxeViolations(requester);
  await drafted.click();
  await expect(
    requester.getByRole("heading", { name: /^ICSA-23-194-06: Install the vendor fix/ }),
  ).toBeVisible();
  await expect(requester.getByText(number, { exact: true })).toBeVisible();
  await expect(requester.getByText("ICSA-23-194-06").first()).toBeVisible();
  await expect(requester.getByText("HMI-FCC-01").first()).toBeVisible();
  // The change links back to the advisory it was drafted from.
  await requester.getByTestId("change-advisories").getByRole("link", { name: "ICSA-23-194-06" }).click();
  await expect(requester).toHaveURL(advisoryUrl);
  await expect(requester.getByRole("cell", { name: new RegExp(`${number}`) })).toBeVisible();
});

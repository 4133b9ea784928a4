import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

// Each role's dashboard shows its own queue from the demo plant (which the e2e server seeds fresh).
const SHOTS = process.env.INTERLOCK_SCREENSHOTS;

const ROLES = [
  { who: "requester", email: PEOPLE.gcrRequester, heading: "My changes", list: "My open changes" },
  {
    who: "technician",
    email: PEOPLE.gcrTechnician,
    heading: "Ready to implement",
    list: "My implementation queue",
  },
  {
    who: "approver",
    email: PEOPLE.gcrOperations,
    heading: "Waiting for me",
    list: "Waiting for my sign-off",
  },
  { who: "change-manager", email: PEOPLE.gcrChangeManager, heading: "The week ahead", list: null },
  { who: "auditor", email: PEOPLE.auditor, heading: "Compliance, last 90 days", list: null },
] as const;

for (const role of ROLES) {
  test(`the ${role.who}'s dashboard shows their own queue and passes axe at 1280 and 820 px`, async ({
    browser,
  }) => {
    const page = await pageAs(browser, role.email);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: role.heading })).toBeVisible();
    if (role.list)
      expect(await page.getByRole("list", { name: role.list }).getByRole("listitem").count()).toBeGreaterThan(
        0,
      );
    for (const width of [1280, 820]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page);
      if (SHOTS)
        await page.screenshot({ path: `${SHOTS}/dashboard-${role.who}-${width}.png`, fullPage: true });
    }
    await page.context().close();
  });
}

test("the approver's queue names the change and the role to sign; the requester's names what blocks it", async ({
  browser,
}) => {
  const approver = await pageAs(browser, PEOPLE.gcrOperations);
  await approver.goto("/");
  const waiting = approver.getByRole("list", { name: "Waiting for my sign-off" });
  await expect(waiting.getByText("ROC800 firmware 3.80 to 3.81")).toBeVisible();
  await expect(waiting.getByText(/Operations approver \(GCR\)|Operations \(GCR\)/).first()).toBeVisible();
  await approver.context().close();

  const requester = await pageAs(browser, PEOPLE.gcrRequester);
  await requester.goto("/");
  const mine = requester.getByRole("list", { name: "My open changes" });
  await expect(mine.getByRole("listitem").filter({ hasText: "ROC800 firmware" })).toContainText(
    /Waiting for the operations/i,
  );
  await requester.context().close();
});

test("the change manager's charts are images with their numbers in a table", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.gcrChangeManager);
  await page.goto("/");
  await expect(page.getByRole("img", { name: /Week ahead at GCR/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Changes started per week by class/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Lead time from submission to start/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Gate refusals by reason/ })).toBeVisible();
  await page.getByText("Show the numbers as a table").first().click();
  await expect(page.getByRole("table", { name: "Changes started per week by class" })).toBeVisible();
  await page.context().close();
});

import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { fillChangeForm, minutesFromNow, saveDraft, submit } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";

/** The bell's count, read from its accessible name ("Notifications, 3 unread"). */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "";
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}

// Issue 13: nobody has to poll Interlock to learn that it is their turn.
test("an approver sees the bell count rise after a submission in another browser, opens the notification and signs", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Notifications e2e");
  const { "EWS-GCR-02": workstation } = await copyDemoAssets(browser, baseURL!, area, ["EWS-GCR-02"]);
  await openWindowAroundNow(browser, baseURL!, area, `Bell window ${tag}`);

  const tomasz = await pageAs(browser, PEOPLE.gcrSecurity);
  await tomasz.goto("/");
  const before = await bellCount(tomasz);

  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  const title = `Workstation patch (${tag})`;
  await fillChangeForm(dana, {
    title,
    type: "security_patch",
    cls: "normal",
    assetSearch: workstation!.tag,
    assetTag: workstation!.tag,
    start: minutesFromNow(-5),
    end: minutesFromNow(120),
  });
  const { id, number } = await saveDraft(dana);
  await submit(dana);

  // Without reloading: the bell polls, the job queue delivers.
  await expect
    .poll(() => bellCount(tomasz), { timeout: 60_000, intervals: [1_000, 2_000, 5_000] })
    .toBeGreaterThan(before);
  await tomasz.getByTestId("notification-bell").click();
  await expect(tomasz.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expectNoAxeViolations(tomasz);
  const item = tomasz.getByRole("link", { name: new RegExp(`${number} needs your sign-off`) });
  await expect(item).toBeVisible();
  await item.click();
  await tomasz.waitForURL(new RegExp(`/changes/${id}$`));
  await expect(tomasz.getByRole("heading", { name: title, exact: true })).toBeVisible();
  // Opening it marked it read (the demo plant's own notifications may still be arriving, so the
  // count alone proves nothing here).
  await expect
    .poll(async () => {
      const res = await tomasz.request.get(`/api/v1/notifications?kind=signoff_needed&limit=500`);
      const page = (await res.json()) as { items: { objectId: string; readAt: string | null }[] };
      return page.items.find((n) => n.objectId === id)?.readAt ?? null;
    })
    .not.toBeNull();

  await tomasz.getByRole("button", { name: "Sign", exact: true }).click();
  const dialog = tomasz.getByRole("dialog");
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Approve and sign" }).click();
  await expect(dialog).toBeHidden();
  const signed = await tomasz.request.get(`/api/v1/changes/${id}`);
  const view = (await signed.json()) as {
    signoffs: { role: string; signerEmail: string; superseded: boolean }[];
  };
  expect(view.signoffs).toContainEqual(
    expect.objectContaining({ role: "security", signerEmail: PEOPLE.gcrSecurity, superseded: false }),
  );
  await tomasz.context().close();
  await dana.context().close();
});

test("a user chooses how they are told, and the choice stays", async ({ browser }) => {
  const elena = await pageAs(browser, PEOPLE.gcrChangeManager);
  await elena.goto("/notifications");
  await elena.getByRole("link", { name: "How you are told" }).click();
  await expect(elena.getByRole("heading", { name: "How you are told" })).toBeVisible();
  await expectNoAxeViolations(elena);
  const select = elena.getByLabel("How you are told: An emergency sign-off is overdue");
  const next = (await select.inputValue()) === "digest" ? "in_app" : "digest";
  await select.selectOption(next);
  await expect(elena.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await elena.reload();
  await expect(elena.getByLabel("How you are told: An emergency sign-off is overdue")).toHaveValue(next);
  await elena.context().close();
});

test("an administrator registers a webhook, sends a test and reads the delivery log", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const sam = await pageAs(browser, PEOPLE.admin);
  await sam.goto("/admin/webhooks");
  await expectNoAxeViolations(sam);
  // The portal's own health endpoint answers a POST with 405: a failed delivery, logged as such.
  const url = `${baseURL}/api/v1/health?hook=${Date.now().toString(36)}`;
  await sam.getByRole("button", { name: "Register webhook" }).click();
  const dialog = sam.getByRole("dialog");
  await dialog.getByLabel("Site").selectOption("GCR");
  await dialog.getByLabel("URL").fill(url);
  await expect(dialog.getByLabel("Secret")).not.toHaveValue("");
  await dialog.getByRole("button", { name: "Register" }).click();
  await expect(dialog).toBeHidden();
  await sam.getByRole("button", { name: `Send a test to ${url}` }).click();
  await expect(sam.getByText("Test queued")).toBeVisible();
  await sam.getByRole("link", { name: url }).click();
  await expect(sam.getByRole("heading", { name: "Deliveries" })).toBeVisible();
  await expect(async () => {
    await sam.reload();
    await expect(sam.getByText("HTTP 405").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(sam.getByRole("cell", { name: "ping" })).toBeVisible();
  await expectNoAxeViolations(sam);
  await sam.context().close();
});

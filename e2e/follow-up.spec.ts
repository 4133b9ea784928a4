import type { Page } from "@playwright/test";
import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

// A rolled-back change is followed by a new one that names it (PRODUCT.md "Change lifecycle"): the
// requester drafts it from the rolled-back change's page, and each change links the other. It reads
// the demo's rolled-back EWS hotfix (a closed outcome nothing else changes) and adds one draft
// without a slot, so that no other spec's calendar or inbox moves.
const ROLLED_BACK = "Experion R520.2 hotfix 3 on the engineering station";

/** The change whose page is open, as the API has it. */
async function changeAt(page: Page): Promise<{ id: string; number: string }> {
  const id = /\/changes\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const res = await page.request.get(`/api/v1/changes/${id}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as { id: string; number: string };
}

test("a requester drafts a follow-up of a rolled-back change, and the two changes link each other", async ({
  browser,
}) => {
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await dana.goto("/changes?state=rolled_back&site=GCR");
  await dana.getByRole("link", { name: ROLLED_BACK }).click();
  await expect(dana.getByRole("heading", { level: 1 })).toContainText(ROLLED_BACK);
  const { number } = await changeAt(dana);
  const rolledBackUrl = dana.url();

  await dana.getByRole("link", { name: "Draft a follow-up change" }).click();
  await expect(dana.getByRole("heading", { level: 1 })).toHaveText(`Follow-up to ${number}`);
  await expect(dana.getByRole("status").filter({ hasText: `Follows ${number}` })).toContainText(
    "Outcome notes: Control Builder failed its licence check",
  );
  // The content and asset are copied; the slot is left for the new plan.
  await expect(dana.getByLabel("Title")).toHaveValue(ROLLED_BACK);
  await expect(dana.getByText("EWS-GCR-01").first()).toBeVisible();
  await expectNoAxeViolations(dana);
  const title = `Hotfix 3 again with the vendor's licence fix (${Date.now().toString(36)})`;
  await dana.getByLabel("Title").fill(title);
  await dana.getByRole("button", { name: "Save draft" }).click();

  await expect(dana.getByRole("heading", { level: 1 })).toContainText(title);
  const follows = dana.getByRole("definition").filter({ has: dana.getByRole("link", { name: number }) });
  await expect(follows).toContainText(`${number} ${ROLLED_BACK} (Rolled back)`);
  const { number: followUp } = await changeAt(dana);

  await dana.goto(rolledBackUrl);
  const followedBy = dana.getByRole("definition").filter({ has: dana.getByRole("link", { name: followUp }) });
  await expect(followedBy).toContainText(`${followUp} ${title} (Draft)`);
});

test("a follow-up link to a change that did not fail says why and starts an empty draft", async ({
  browser,
}) => {
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  const res = await dana.request.get("/api/v1/changes?site=GCR&state=closed&limit=1");
  const [closed] = ((await res.json()) as { items: { id: string; number: string }[] }).items;
  await dana.goto(`/changes/new?follows=${closed!.id}`);
  await expect(dana.getByRole("heading", { level: 1 })).toHaveText("New change");
  await expect(dana.getByRole("status").filter({ hasText: "This draft starts empty" })).toContainText(
    `${closed!.number} cannot be followed up. A follow-up names a change that failed or was rolled back; its state is Closed.`,
  );
  await expect(dana.getByLabel("Title")).toHaveValue("");
});

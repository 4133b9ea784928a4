import { DateTime } from "luxon";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { GCR_ZONE } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindow } from "./own-data";

// The change page tells a newcomer where a change stands and what holds it up. Its own area and
// copy of HMI-CDU-02, and a slot ten weeks out inside a window made for it.
const json = (baseURL: string) => ({ origin: baseURL, "content-type": "application/json" });

async function api<T>(page: Page, baseURL: string, method: "get" | "post", path: string, data?: object) {
  const res = await page.request[method](path, { data, headers: json(baseURL) });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

interface Change {
  id: string;
  number: string;
  contentHash: string;
  state: string;
}

async function draftWithWindow(browser: Browser, baseURL: string, tag: string, days: number) {
  const start = DateTime.now()
    .setZone(GCR_ZONE)
    .plus({ days })
    .set({ hour: 3, minute: 0, second: 0, millisecond: 0 });
  const area = await createOwnArea(browser, baseURL, "GCR", "Change page e2e");
  const { "HMI-CDU-02": asset } = await copyDemoAssets(browser, baseURL, area, ["HMI-CDU-02"]);
  await openWindow(browser, baseURL, area, {
    title: `Change page window ${tag}`,
    start: start.minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    durationMinutes: 240,
  });
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  const change = await api<Change>(dana, baseURL, "post", "/api/v1/changes", {
    type: "security_patch",
    class: "normal",
    title: `Operator station patch (${tag})`,
    description: "Apply the vendor's cumulative security patch to the operator station.",
    justification: "Vendor advisory for a remotely exploitable flaw.",
    assetIds: [asset!.id],
    implementationPlan: "1. Move the operator to HMI-CDU-01. 2. Patch. 3. Verify the displays.",
    backoutPlan: "Restore the station image taken before the patch.",
    testedOnTestBench: true,
    vendorQualified: true,
    plannedStart: start.toUTC().toISO({ suppressMilliseconds: true }),
    plannedEnd: start.plus({ hours: 1 }).toUTC().toISO({ suppressMilliseconds: true }),
    implementerEmail: PEOPLE.gcrRequester,
  });
  return { dana, change };
}

async function signByApi(browser: Browser, baseURL: string, email: string, id: string, role: string) {
  const p = await pageAs(browser, email);
  const current = await api<Change>(p, baseURL, "get", `/api/v1/changes/${id}`);
  await api(p, baseURL, "post", `/api/v1/changes/${id}/signoffs`, {
    role,
    decision: "approve",
    comment: "Reviewed.",
    password: DEMO_PASSWORD,
    contentHash: current.contentHash,
  });
  await p.context().close();
}

test("a newcomer opens a change held up by a missing sign-off and sees why and who can help", async ({
  browser,
  baseURL,
}) => {
  const tag = `e2e-${Date.now().toString(36)}`;
  const { dana, change } = await draftWithWindow(browser, baseURL!, tag, 70);
  await dana.goto(`/changes/${change.id}`);
  const stepper = dana.getByRole("navigation", { name: "Where this change stands" });
  await expect(stepper.locator('[aria-current="step"]')).toContainText("Draft");

  // Submitting confirms what happens next.
  await dana.getByRole("button", { name: "Submit for approval" }).click();
  await dana.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(dana.getByTestId("action-notice")).toContainText(
    "Submitted for approval. The approvers are asked to sign: Operations (GCR) and Security.",
  );
  await expect(stepper.locator('[aria-current="step"]')).toContainText("Submitted");
  await signByApi(browser, baseURL!, PEOPLE.gcrOperations, change.id, "operations");

  // The newcomer's view: what is done, what is awaited and from whom, without opening a tab.
  await dana.goto(`/changes/${change.id}`);
  const progress = dana.getByTestId("signoff-progress");
  await expect(progress).toContainText("Sign-offs 1 of 2");
  await expect(progress).toContainText(/Operations \(GCR\)\s*signed by Marcus Hale/);
  // The site's security approvers, the corporate one included, in either order.
  await expect(progress).toContainText(/Security\s*awaited from [^·]*Tomasz Nowak/);
  await expect(stepper.locator('[data-status="done"]')).toHaveCount(1);
  await expect(stepper.locator('[data-status="done"]')).toContainText("Draft");
  await expect(stepper.locator('[data-status="skipped"]')).toContainText("PSSR");
  await expectNoAxeViolations(dana);
  await dana.setViewportSize({ width: 820, height: 900 });
  await expectNoAxeViolations(dana);
});

test("Start is disabled with the gate's reasons in words while the gate is closed", async ({
  browser,
  baseURL,
}) => {
  const tag = `e2e-${Date.now().toString(36)}`;
  const { dana, change } = await draftWithWindow(browser, baseURL!, tag, 72);
  await api(dana, baseURL!, "post", `/api/v1/changes/${change.id}/submit`, {});
  await signByApi(browser, baseURL!, PEOPLE.gcrOperations, change.id, "operations");

  // The security approver signs in the page and is told what the sign-off did.
  const tomasz = await pageAs(browser, PEOPLE.gcrSecurity);
  await tomasz.goto(`/changes/${change.id}`);
  await tomasz.getByRole("button", { name: "Sign", exact: true }).click();
  const dialog = tomasz.getByRole("dialog");
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Approve and sign" }).click();
  await expect(tomasz.getByTestId("action-notice")).toContainText(
    "Your sign-off is recorded. Every required sign-off is in: the change is approved.",
  );

  await dana.goto(`/changes/${change.id}`);
  await expect(
    dana.getByRole("navigation", { name: "Where this change stands" }).locator('[aria-current="step"]'),
  ).toContainText("Approved");
  const start = dana.getByRole("button", { name: "Start implementation" });
  await expect(start).toBeDisabled();
  const blocked = dana.getByTestId("start-blocked");
  await expect(blocked).toContainText("The deployment gate is closed because:");
  await expect(blocked).toContainText("Outside the planned slot: Too early");
  await expect(blocked).not.toContainText("outside_slot");
  await expect(start).toHaveAccessibleDescription(/Outside the planned slot/);
  // Nothing was added to the trail by looking: the history holds no refused start.
  await dana.getByRole("tab", { name: /History/ }).click();
  await expect(dana.getByTestId("history").locator('[data-action="change.start"]')).toHaveCount(0);
  await expectNoAxeViolations(dana);
});

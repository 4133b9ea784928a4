import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { expectState, fillChangeForm, minutesFromNow, saveDraft, submit } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";

// Issue 8 item 1: a signature approves the content its signer was shown. The requester edits the
// change in her browser while the security approver has the sign dialog open in his.
test("an approver's sign dialog shows the stale-content refusal after the change is edited in another browser, and reloads to the new content", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Stale sign-off e2e");
  const { "HIS-GCR-PHD": historian } = await copyDemoAssets(browser, baseURL!, area, ["HIS-GCR-PHD"]);
  await openWindowAroundNow(browser, baseURL!, area, `Stale sign window ${tag}`);

  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  const title = `Historian patch (${tag})`;
  await fillChangeForm(dana, {
    title,
    type: "security_patch",
    cls: "normal",
    assetSearch: historian!.tag,
    assetTag: historian!.tag,
    start: minutesFromNow(-5),
    end: minutesFromNow(120),
  });
  const { id } = await saveDraft(dana);
  await submit(dana);

  const tomasz = await pageAs(browser, PEOPLE.gcrSecurity);
  await tomasz.goto(`/changes/${id}`);
  await expect(tomasz.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await tomasz.getByRole("button", { name: "Sign", exact: true }).click();
  const dialog = tomasz.getByRole("dialog");
  await expect(dialog.getByTestId("sign-meaning")).toContainText("Approved as IT/OT security authority");
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);

  // Meanwhile, in Dana's browser: the plan grows a step the approver has not seen.
  const revised = `${title} with a bypass`;
  const current = await dana.request.get(`/api/v1/changes/${id}`);
  const { version } = (await current.json()) as { version: number };
  const patched = await dana.request.patch(`/api/v1/changes/${id}`, {
    data: { title: revised, implementationPlan: "Bypass the SIS trip, then load the patch." },
    headers: { origin: baseURL!, "content-type": "application/json", "if-match": `"${version}"` },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  await dialog.getByRole("button", { name: "Approve and sign" }).click();
  const refusal = dialog.getByRole("status").filter({ hasText: "The change was edited since you opened it" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Dana Ruiz edited it on");
  await expect(refusal).toContainText(/C[SD]T/);
  await expect(refusal).toContainText("Nothing was signed");
  await expectNoAxeViolations(tomasz);

  await refusal.getByRole("button", { name: "Reload the change" }).click();
  await expect(dialog).toBeHidden();
  await expect(tomasz.getByRole("heading", { name: revised, exact: true })).toBeVisible();
  await tomasz.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(tomasz.getByText("No sign-offs yet.")).toBeVisible();

  // Signing again now approves the content on screen.
  await tomasz.getByRole("button", { name: "Sign", exact: true }).click();
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Approve and sign" }).click();
  await expect(dialog).toBeHidden();
  await expectState(tomasz, "Submitted");
  const after = (await (await tomasz.request.get(`/api/v1/changes/${id}`)).json()) as {
    contentHash: string;
    signoffs: { role: string; contentHash: string; superseded: boolean }[];
  };
  expect(after.signoffs).toEqual([
    expect.objectContaining({ role: "security", contentHash: after.contentHash, superseded: false }),
  ]);
});

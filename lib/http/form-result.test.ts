import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { staleEdit } from "@/lib/services/base/stale-edit";
import { ServiceError, conflict, invalid } from "@/lib/services/base/errors";
import { attempt, formFailure } from "./form-result";

describe("formFailure: one mapper from service errors to form errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps the service's message and the first message per field", () => {
    const e = invalid("The change is not valid: title: Required", [
      { path: "title", message: "Required" },
      { path: "title", message: "Too short" },
      { path: "assetIds.0", message: "Asset not found." },
    ]);
    expect(formFailure(e, "test")).toEqual({
      ok: false,
      message: "The change is not valid: title: Required",
      fieldErrors: { title: "Required", "assetIds.0": "Asset not found." },
    });
  });

  it("passes refusal reasons through in plain language", () => {
    const e = new ServiceError("gate_refused", "The gate refused the start.", {
      reasons: [{ code: "blackout_active", message: "A blackout is active at GCR." }],
    });
    expect(formFailure(e, "test")).toMatchObject({
      reasons: [{ code: "blackout_active", message: "A blackout is active at GCR." }],
    });
  });

  it("reads one stale-edit shape, whatever the object (changes, assets, windows, runs)", () => {
    const e = staleEdit(
      "Someone else changed this first.",
      {
        version: 4,
        by: { email: "rita@example.test", name: "Rita Requester" },
        at: new Date("2027-03-14T08:00:00Z"),
      },
      { currentRowVersion: 4 },
    );
    expect(e.details).toMatchObject({
      currentVersion: 4,
      updatedBy: "rita@example.test",
      updatedByName: "Rita Requester",
      updatedAt: "2027-03-14T08:00:00Z",
      currentRowVersion: 4,
    });
    expect(formFailure(e, "test").stale).toEqual({
      by: "Rita Requester",
      at: "2027-03-14T08:00:00Z",
      version: 4,
    });
    const anonymous = staleEdit("Changed first.", { version: 2, by: null, at: null });
    expect(formFailure(anonymous, "test").stale).toEqual({ by: null, at: null, version: 2 });
  });

  it("a conflict that is not a stale edit carries no stale details", () => {
    expect(formFailure(conflict("The change cannot be closed yet."), "test").stale).toBeUndefined();
  });

  it("lists every bad row of a refused import", () => {
    const e = invalid("2 rows are not valid; nothing was imported.");
    e.details.rowErrors = [{ line: 2, column: "kind", message: "Unknown kind" }];
    expect(formFailure(e, "test").rowErrors).toEqual([{ line: 2, column: "kind", message: "Unknown kind" }]);
  });

  it("maps a ZodError to field errors", () => {
    const parsed = z.object({ name: z.string().min(1) }).safeParse({ name: "" });
    expect(parsed.success).toBe(false);
    const f = formFailure(parsed.error, "test");
    expect(f.message).toBe("Some fields need attention.");
    expect(Object.keys(f.fieldErrors ?? {})).toEqual(["name"]);
  });

  it("never shows an unexpected error's message, and logs it under the context", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const f = formFailure(new Error("connection refused at 10.0.0.3:5432"), "assets");
    expect(f.message).not.toContain("10.0.0.3");
    expect(f.message).toMatch(/nothing was changed/);
    expect(log).toHaveBeenCalledWith("[assets] unexpected error in a server action", expect.any(Error));
  });

  it("attempt answers the work's data, or the failure", async () => {
    await expect(attempt("test", async () => 3, "Saved.")).resolves.toEqual({
      ok: true,
      data: 3,
      message: "Saved.",
    });
    await expect(
      attempt("test", async () => {
        throw invalid("No.");
      }),
    ).resolves.toEqual({ ok: false, message: "No." });
  });
});

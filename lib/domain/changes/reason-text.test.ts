import { describe, expect, it } from "vitest";
import { reasonText } from "./reason-text";

describe("reasonText", () => {
  it("re-reads a slot refusal's instants from its data in the site's zone", () => {
    const r = {
      code: "outside_slot",
      message: "Too early: the planned slot 2026-12-02T11:49:00Z to 2026-12-02T13:49:00Z has not started yet",
      data: { slotStart: "2026-12-02T11:49:00Z", slotEnd: "2026-12-02T13:49:00Z", position: "before" },
    };
    expect(reasonText(r, "America/Chicago")).toBe(
      "Too early: the planned slot 2 Dec 2026, 05:49 CST to 2 Dec 2026, 07:49 CST has not started yet",
    );
  });

  it("re-reads every UTC instant written into words that carry no data (the gate-check log)", () => {
    const r = {
      code: "outside_slot",
      message:
        "Too early: the planned slot 2026-07-02T11:49:00Z to 2026-07-02T13:49:30.500Z has not started yet",
    };
    const text = reasonText(r, "Europe/Berlin");
    expect(text).toBe(
      "Too early: the planned slot 2 Jul 2026, 13:49 CEST to 2 Jul 2026, 15:49 CEST has not started yet",
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("leaves words without an instant as they are", () => {
    expect(reasonText({ code: "not_approved", message: "Not approved yet" }, "UTC")).toBe("Not approved yet");
  });
});

import { describe, expect, it } from "vitest";
import { ACTION_LABELS } from "../labels";
import { AUDIT_ACTIONS, AUDIT_EVENTS, auditEventSchema } from ".";

describe("the audit event registry", () => {
  it("names every action once, each with its words", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("gives each action an object type and a schema for both sides", () => {
    for (const [action, spec] of Object.entries(AUDIT_EVENTS)) {
      expect([action, spec.objectType]).toEqual([action, expect.stringMatching(/^[a-z_]+$/)]);
      expect(typeof spec.before.safeParse).toBe("function");
      expect(typeof spec.after.safeParse).toBe("function");
    }
  });

  it("discriminates on the action: one kind's payload is not another's", () => {
    const signIn = { action: "auth.login", objectType: "session", before: null, after: null };
    expect(auditEventSchema.safeParse(signIn).success).toBe(true);
    expect(auditEventSchema.safeParse({ ...signIn, action: "role.grant" }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...signIn, after: { extra: 1 } }).success).toBe(false);
    const grant = { siteCode: "PLA", role: "auditor" };
    expect(
      auditEventSchema.safeParse({ action: "role.grant", objectType: "user", before: null, after: grant })
        .success,
    ).toBe(true);
    expect(
      auditEventSchema.safeParse({
        action: "role.grant",
        objectType: "user",
        before: null,
        after: { ...grant, role: "god" },
      }).success,
    ).toBe(false);
  });
});

import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { createRuntimeRole, runtimeRoleStatements } from "@/lib/services/database/create-runtime-role";
import { useTestDatabase, usingPostgres } from "../db";
import { makeSite, makeUser } from "../fixtures";

const role = `rt_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

describe("runtime role statements", () => {
  it("refuses role names that could carry SQL", () => {
    expect(() => runtimeRoleStatements("app; drop table x", null, "db")).toThrow(/role name/);
    expect(runtimeRoleStatements("app", "it's", "db")[1]).toContain("PASSWORD 'it''s'");
  });
});

// PGlite is one process with one user: there is no second role to restrict.
describe.skipIf(!usingPostgres())("the least-privilege runtime role on PostgreSQL", () => {
  let asRole: postgres.Sql;
  let owner: postgres.Sql;
  beforeAll(async () => {
    await useTestDatabase();
    await makeSite("RRL");
    await makeUser(["RRL:auditor"]);
    await createRuntimeRole(role, null);
    await createRuntimeRole(role, null); // again: updates, does not fail
    const url = new URL(process.env.DATABASE_URL!);
    owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    url.username = role;
    asRole = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await asRole?.end();
    await closeDb();
    await owner?.unsafe(`drop owned by ${role}`);
    await owner?.unsafe(`drop role if exists ${role}`);
    await owner?.end();
  });

  const refusal = (q: Promise<unknown>) =>
    q.then(
      () => "allowed",
      (e: Error) => e.message,
    );

  it("reads and appends to the trail and works the app's other tables", async () => {
    const [row] = await asRole<{ n: number }[]>`select count(*)::int as n from audit_events`;
    expect(row!.n).toBeGreaterThan(0);
    await asRole`insert into audit_checkpoints (at, event_id, event_hash, key_id, mac, reason)
                 values (now(), 1, 'x', 'k', 'm', 'role test')`;
    expect(await refusal(asRole`update sites set name = name`)).toBe("allowed");
  });

  it("cannot update, delete, truncate, alter or disable the trail's triggers", async () => {
    for (const table of ["audit_events", "audit_checkpoints"]) {
      expect(await refusal(asRole.unsafe(`update ${table} set reason = reason`))).toMatch(
        /permission denied/,
      );
      expect(await refusal(asRole.unsafe(`delete from ${table}`))).toMatch(/permission denied/);
      expect(await refusal(asRole.unsafe(`truncate ${table}`))).toMatch(/permission denied/);
      expect(await refusal(asRole.unsafe(`alter table ${table} disable trigger all`))).toMatch(
        /must be owner/,
      );
      expect(await refusal(asRole.unsafe(`alter table ${table} add column x int`))).toMatch(/must be owner/);
    }
    // The gate-check log: its facts are not even writable by the role, only its repeat count.
    expect(await refusal(asRole`update gate_checks set allowed = true`)).toMatch(/permission denied/);
    expect(await refusal(asRole`delete from gate_checks`)).toMatch(/permission denied/);
    expect(await refusal(asRole`truncate gate_checks`)).toMatch(/permission denied/);
    expect(await refusal(asRole`update gate_checks set count = count + 1 where false`)).toBe("allowed");
    expect(await refusal(asRole`drop trigger audit_events_no_update_delete on audit_events`)).toMatch(
      /must be owner/,
    );
    expect(await refusal(asRole`create table sneaky (id int)`)).toMatch(/permission denied/);
  });
});

// A second app instance appending to the audit trail, for test/integration/audit-chain-instances.test.ts.
import { closeDb, getDb } from "../db/client";
import { appendBackupEvents } from "./audit-writes";

async function main() {
  const [count, tag] = [Number(process.argv[2]), process.argv[3] ?? "child"];
  await getDb();
  process.stdout.write("writing\n");
  await appendBackupEvents(count, tag);
  await closeDb();
  process.stdout.write("done\n");
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// Holds the embedded data folder's lock from another process, for test/integration/lock.test.ts.
import { lockDataDir } from "../db/lock";

const dir = process.argv[2];
if (!dir) throw new Error("usage: lock-holder <folder>");
lockDataDir(dir);
process.stdout.write(`locked ${process.pid}\n`);
// Stay alive until the test kills this process.
setInterval(() => {}, 60_000);

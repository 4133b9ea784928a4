// Runs the server's start-up hook as Next would before serving, for test/integration/lock.test.ts.
import { register } from "../instrumentation";

void register().then(() => {
  console.log("started");
  process.exit(0);
});

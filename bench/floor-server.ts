// The floor of each operation: a bare HTTP route (node:http, no Next, no services) that runs the
// very statements the portal's route sent for it, one after another on the same driver, and
// answers their last result as JSON. What the portal takes above this is its own code. Runs as
// its own process (started by bench/run.ts), so that its CPU time is not the load generator's:
//   tsx --conditions=react-server bench/floor-server.ts <routes.json> <port>
import fs from "node:fs";
import http from "node:http";
import { closeDb, getDb } from "@/db/client";
import { replay, type Statement } from "./measure";

async function main() {
  const [file, port] = process.argv.slice(2);
  const routes = JSON.parse(fs.readFileSync(file!, "utf8")) as Record<string, Statement[]>;
  const db = await getDb();
  const runners = new Map(Object.entries(routes).map(([name, list]) => [`/floor/${name}`, replay(db, list)]));
  const server = http.createServer((req, res) => {
    req.resume();
    if (req.url === "/ready") return void res.writeHead(200).end("ok");
    const runner = runners.get(req.url ?? "");
    if (!runner) return void res.writeHead(404).end();
    runner().then(
      (last) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(last ?? null)),
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(port), "127.0.0.1");
  process.on("SIGTERM", () => server.close(() => void closeDb().then(() => process.exit(0))));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import { spawn } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    idpIssuer: string;
  }
}

/** Starts the test identity provider (test/idp/server.mjs) on a free port for the whole run. */
export default async function setup(project: TestProject) {
  const child = spawn(process.execPath, [path.join(__dirname, "server.mjs")], {
    env: { ...process.env, IDP_PORT: "0", IDP_CLIENT_BASES: "http://localhost:3000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`test identity provider did not start: ${err}`)), 20_000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /IDP_READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`test identity provider exited (${code}): ${err}`)));
  });
  project.provide("idpIssuer", issuer);
  return () => {
    child.kill("SIGTERM");
  };
}

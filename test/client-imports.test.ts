// A client component that reaches a module which hashes pulls crypto-browserify into the browser
// bundle; its eval breaks the strict CSP on the page. It happened three times and only the
// every-page e2e caught it. This walks the import graph from every "use client" file instead.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImportGraph, sourceFiles, type Forbidden } from "./import-graph";

const HASHING: Forbidden = {
  modules: ["crypto", "node:crypto"],
  files: [
    /^lib\/audit\/hash[^/]*$/,
    /^lib\/audit\/chain-core\.mjs$/,
    /^lib\/domain\/changes\/temporary-extension\.tsx?$/,
  ],
};

const root = path.resolve(__dirname, "..");

function violations(graph: ImportGraph, files: readonly string[]): string[] {
  return files
    .filter((f) => graph.isClient(f))
    .flatMap((f) => {
      const chain = graph.chainFrom(f, HASHING);
      return chain ? [chain.join(" → ")] : [];
    });
}

describe("client components and hashing modules", () => {
  it("no 'use client' file reaches node:crypto, lib/audit/hash*, chain-core or temporary-extension", () => {
    const graph = ImportGraph.fromTsconfig(root);
    const files = sourceFiles(root, ["app", "components", "lib"]);
    const clients = files.filter((f) => graph.isClient(f));
    expect(clients.length).toBeGreaterThan(20);
    // Each line names the chain: the client file, what it imports, …, the module that hashes.
    expect(violations(graph, files)).toEqual([]);
  });
});

describe("the import-graph walk (on a planted project)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "client-imports-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: { moduleResolution: "bundler", module: "esnext", paths: { "@/*": ["./*"] } },
    }),
  );
  write("lib/audit/hash.ts", `import { createHash } from "node:crypto";\nexport const h = createHash;\n`);
  write("lib/audit/chain-core.mjs", `export const c = 1;\n`);
  write("lib/audit/chain-core.d.mts", `export declare const c: number;\n`);
  write("lib/words.ts", `export { h } from "@/lib/audit/hash";\n`);
  write("lib/digest.ts", `import { createHash } from "crypto";\nexport const d = createHash;\n`);
  write("lib/types.ts", `import type { h } from "./audit/hash";\nexport type H = typeof h;\n`);
  write(
    "lib/pure.ts",
    `import { type h } from "./audit/hash";\nexport type P = typeof h;\nexport const p = 1;\n`,
  );
  write(
    "app/actions.ts",
    `"use server";\nimport { h } from "@/lib/audit/hash";\nexport async function act() { h; }\n`,
  );
  write("components/via-alias.tsx", `"use client";\nimport { x } from "./panel";\nexport const A = x;\n`);
  write("components/panel.tsx", `import { h } from "../lib/words";\nexport const x = h;\n`);
  write("components/bare.tsx", `"use client";\nimport { d } from "@/lib/digest";\nexport const B = d;\n`);
  write(
    "components/mjs.tsx",
    `"use client";\nimport { c } from "../lib/audit/chain-core.mjs";\nexport const M = c;\n`,
  );
  write("components/lazy.tsx", `"use client";\nexport const L = () => import("@/lib/audit/hash");\n`);
  write(
    "components/clean.tsx",
    `"use client";\nimport type { H } from "@/lib/types";\nimport { p } from "@/lib/pure";\nimport { act } from "@/app/actions";\nexport const C = [p, act] as unknown as H;\n`,
  );
  write("components/server.tsx", `import { h } from "@/lib/audit/hash";\nexport const S = h;\n`);
  const graph = ImportGraph.fromTsconfig(dir);
  const files = sourceFiles(dir, ["app", "components", "lib"]);

  it("names the whole chain of a planted violation through an alias and a re-export", () => {
    expect(graph.chainFrom(path.join(dir, "components/via-alias.tsx"), HASHING)).toEqual([
      "components/via-alias.tsx",
      "components/panel.tsx",
      "lib/words.ts",
      "lib/audit/hash.ts",
    ]);
  });

  it("catches a bare crypto import, an .mjs beside its .d.mts and a dynamic import()", () => {
    expect(violations(graph, files).sort()).toEqual([
      "components/bare.tsx → lib/digest.ts → crypto",
      "components/lazy.tsx → lib/audit/hash.ts",
      "components/mjs.tsx → lib/audit/chain-core.mjs",
      "components/via-alias.tsx → components/panel.tsx → lib/words.ts → lib/audit/hash.ts",
    ]);
  });

  it("lets type-only imports, 'use server' actions and server components pass", () => {
    expect(graph.chainFrom(path.join(dir, "components/clean.tsx"), HASHING)).toBeNull();
    expect(graph.isClient(path.join(dir, "components/server.tsx"))).toBe(false);
  });
});

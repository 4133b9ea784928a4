import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb } from "@/db/client";
import { isServiceError } from "@/lib/services/base/errors";
import { COMMANDS } from "./commands";

function usage(): string {
  return [
    "Usage: npm run interlock -- <command> [options]",
    "",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.usage}`),
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`interlock: unknown command "${name}". Run "npm run interlock -- help".`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: command.options,
    allowPositionals: true,
    strict: true,
  });
  await command.run(values as Record<string, string | boolean | string[] | undefined>, positionals);
  return 0;
}

function oneLine(e: unknown): string {
  if (isServiceError(e)) {
    const first = e.details.errors?.[0];
    return first ? `${e.message} (${first.path}: ${first.message})` : e.message;
  }
  if (e instanceof ZodError)
    return e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  if (e instanceof Error) return e.message;
  return String(e);
}

main(process.argv.slice(2))
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(`interlock: ${oneLine(e).replace(/\s+/g, " ")}`);
    await closeDb().catch(() => {});
    process.exit(1);
  });

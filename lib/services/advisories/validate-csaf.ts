import "server-only";
import type validateCsaf from "@secvisogram/csaf-validator-lib/validate.js";
import type { FieldError } from "@/lib/services/base/errors";

/**
 * CSAF 2.0 validation with the BSI/secvisogram validator: the JSON schema, then the mandatory
 * tests (6.1.x), which assume a schema-valid document. The optional and informative tests are left
 * out on purpose: some fetch URLs, and plants are often air-gapped. The library is ESM, loaded once.
 */
type Test = (doc: unknown) => unknown;
type Run = typeof validateCsaf;
let loaded: Promise<{ run: Run; schema: Test[]; mandatory: Test[] }> | null = null;

function load() {
  loaded ??= (async () => {
    const [{ default: run }, schema, mandatory] = await Promise.all([
      import("@secvisogram/csaf-validator-lib/validate.js"),
      import("@secvisogram/csaf-validator-lib/schemaTests.js"),
      import("@secvisogram/csaf-validator-lib/mandatoryTests.js"),
    ]);
    const tests = Object.values(mandatory as unknown as Record<string, unknown>).filter(
      (t): t is Test => typeof t === "function",
    );
    return { run, schema: [schema.csaf_2_0], mandatory: tests };
  })();
  return loaded;
}

const MAX_REPORTED = 20;

function label(name: string): string {
  return name === "csaf_2_0"
    ? "schema"
    : `mandatory test ${name.replace(/^mandatoryTest_/, "").replaceAll("_", ".")}`;
}

/** The problems that make the document unusable, each with its JSON path; empty when valid. */
export async function csafProblems(doc: unknown): Promise<FieldError[]> {
  const { run, schema, mandatory } = await load();
  let result = await run(schema, doc);
  if (result.isValid) result = await run(mandatory, doc);
  if (result.isValid) return [];
  const out = result.tests.flatMap((t) =>
    t.errors.map((e) => ({ path: e.instancePath || "/", message: `${e.message} (${label(t.name)})` })),
  );
  return out.length
    ? out.slice(0, MAX_REPORTED)
    : [{ path: "/", message: "The document is not valid CSAF 2.0." }];
}

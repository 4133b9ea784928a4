// The validator ships JavaScript without declarations; these are the parts Interlock calls.
declare module "@secvisogram/csaf-validator-lib/validate.js" {
  export interface CsafTestResult {
    name: string;
    isValid: boolean;
    errors: { instancePath: string; message: string }[];
  }
  type DocumentTest = (doc: unknown) => unknown;
  export default function validate(
    tests: DocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}
declare module "@secvisogram/csaf-validator-lib/schemaTests.js" {
  export const csaf_2_0: (doc: unknown) => unknown;
}
declare module "@secvisogram/csaf-validator-lib/mandatoryTests.js" {
  const tests: Record<string, (doc: unknown) => unknown>;
  export = tests;
}

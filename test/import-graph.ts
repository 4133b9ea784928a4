// The import graph a browser bundle gets from each "use client" file, read with TypeScript's own
// parser and resolver (tsconfig paths, bundler resolution), so a chain through any number of
// plain modules is followed as the bundler follows it.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** What a client file must never reach: a bare module name, or a project file matched by its path. */
export interface Forbidden {
  modules: readonly string[];
  files: readonly RegExp[];
}

/** One client file's path to a forbidden module: client file first, the forbidden one last. */
export type Chain = string[];

const SOURCE = /\.(?:tsx?|mts|mjs|js)$/;
/** A "use client" directive after any leading comments; the parser confirms it. */
const CLIENT_TEXT = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*["']use client["']/;

function directive(sf: ts.SourceFile): string | null {
  const first = sf.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression))
    return first.expression.text;
  return null;
}

function typeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const c = node.exportClause;
    return !!c && ts.isNamedExports(c) && c.elements.length > 0 && c.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import is bundled
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    !!named &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

/** The specifiers a module pulls in at run time: value imports, re-exports, import() and require(). */
export function runtimeImports(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier) && !typeOnly(node)) out.push(node.moduleSpecifier.text);
      return;
    }
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export class ImportGraph {
  private readonly parsed = new Map<string, { directive: string | null; imports: string[] }>();
  private readonly host: ts.ModuleResolutionHost = ts.sys;
  private readonly cache: ts.ModuleResolutionCache;

  constructor(
    readonly root: string,
    private readonly options: ts.CompilerOptions,
  ) {
    this.cache = ts.createModuleResolutionCache(root, (f) => f, options);
  }

  /** The compiler options of root/tsconfig.json, as tsc reads them. */
  static fromTsconfig(root: string): ImportGraph {
    const file = path.join(root, "tsconfig.json");
    const { config } = ts.readConfigFile(file, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    return new ImportGraph(root, options);
  }

  private read(file: string) {
    let entry = this.parsed.get(file);
    if (!entry) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
      entry = { directive: directive(sf), imports: runtimeImports(sf) };
      this.parsed.set(file, entry);
    }
    return entry;
  }

  /** Read as text first: parsing every file of the project to find the few clients costs seconds. */
  isClient(file: string): boolean {
    if (this.parsed.has(file)) return this.read(file).directive === "use client";
    return (
      CLIENT_TEXT.test(fs.readFileSync(file, "utf8").slice(0, 2000)) &&
      this.read(file).directive === "use client"
    );
  }

  /** The project file a specifier loads at run time (a .d.mts beside its .mjs means the .mjs); null outside it. */
  resolve(spec: string, from: string): string | null {
    const r = ts.resolveModuleName(spec, from, this.options, this.host, this.cache).resolvedModule;
    const file = r?.resolvedFileName;
    if (!file || r?.isExternalLibraryImport) return null;
    const js = file.replace(/\.d\.(m?)ts$/, ".$1js");
    if (js !== file) return fs.existsSync(js) ? path.resolve(js) : null;
    return SOURCE.test(file) ? path.resolve(file) : null;
  }

  /**
   * The shortest chain from `start` to a forbidden module, or null. Files with "use server" are
   * server references in a client bundle, so the walk does not enter them.
   */
  chainFrom(start: string, forbidden: Forbidden): Chain | null {
    const rel = (f: string) => path.relative(this.root, f);
    const parent = new Map<string, string | null>([[start, null]]);
    const chainTo = (file: string, last?: string) => {
      const chain = last ? [last] : [];
      for (let f: string | null = file; f; f = parent.get(f) ?? null) chain.unshift(rel(f));
      return chain;
    };
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i]!;
      if (forbidden.files.some((re) => re.test(rel(file)))) return chainTo(file);
      const { directive: d, imports } = this.read(file);
      if (d === "use server" && file !== start) continue;
      for (const spec of imports) {
        if (forbidden.modules.includes(spec)) return chainTo(file, spec);
        const next = this.resolve(spec, file);
        if (next && !parent.has(next)) {
          parent.set(next, file);
          queue.push(next);
        }
      }
    }
    return null;
  }
}

/** Every source file under these folders of root, skipping tests. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
        out.push(p);
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out.sort();
}

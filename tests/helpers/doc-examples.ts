/**
 * The `@example`s of the public API, as runnable programs. Each example is a TypeScript
 * snippet that imports from `@scaling-lab/core`; a line ending in `// → value` asserts
 * what its expression (or the variable it declares) evaluates to:
 *   - a number is matched to the significant digits shown (`// → 3.15e23` accepts 3.1498e23);
 *   - `'text'` or `"text"` must equal the string; true / false / null / undefined are exact;
 *   - `// → throws InputError` (any class name) requires the expression to throw that error;
 *   - a line whose expression holds `await` is checked after the promise settles (top-level
 *     await works: each example is an ES module), so `await run(); // → throws InputError`
 *     checks a rejection.
 * Imports of `@scaling-lab/core` and of its subpaths (`@scaling-lab/core/train`, `/train/pure`,
 * `/node`, `/node/queue`) point at the built files the package's `exports` map names.
 * `runExamples` compiles every snippet with esbuild and runs them all in one Node process.
 *
 * An example that cannot run here because it needs a real external service (a Redis server
 * for the BullMQ queue) starts with the line `// not run: needs <service> …`. `runExamples`
 * skips it, but `typecheckExamples` still type-checks it against the built declarations, so
 * it cannot drift from the API; the test keeps such examples to the names that need a service.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';

export interface DocExample {
  /** The exported name whose doc comment holds the example. */
  name: string;
  code: string;
  /** Why the example is not run (the text after `// not run:`); absent for examples that run. */
  notRun?: string;
}

export interface ExampleOutcome {
  name: string;
  ok: boolean;
  error?: string;
  checks: number;
  /** Wall-clock milliseconds the example took to import and run (0 when not run). */
  ms: number;
  /**
   * CPU milliseconds (user + system) of the runner process over the example: its own cost,
   * which other load on a shared machine does not inflate as it does `ms`. Work an example
   * hands to a child process (runSweep's workers) shows in `ms` only.
   */
  cpuMs: number;
  /** The `// not run:` reason of an example that was skipped. */
  notRun?: string;
}

const NOT_RUN = /^\s*\/\/ not run: (.+)$/;

/** Every exported name of the entry point `entryFile` (a .ts source), with its JSDoc tags. */
export function exportedDocs(entryFile: string): { name: string; kind: 'function' | 'class' | 'other'; doc: string; tags: { name: string; text: string }[]; params: number }[] {
  const program = ts.createProgram([entryFile], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const mod = checker.getSymbolAtLocation(program.getSourceFile(entryFile)!)!;
  return checker.getExportsOfModule(mod).map((e) => {
    const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    const kind = s.flags & ts.SymbolFlags.Function ? 'function' : s.flags & ts.SymbolFlags.Class ? 'class' : 'other';
    const decl = s.valueDeclaration ?? s.declarations?.[0];
    const sig = kind === 'function' && decl ? checker.getSignaturesOfType(checker.getTypeOfSymbolAtLocation(s, decl), ts.SignatureKind.Call)[0] : undefined;
    // a function's doc comment is its (first) signature's; ts.displayPartsToString joins the text parts
    const docOwner = sig ?? s;
    return {
      name: e.getName(),
      kind,
      doc: ts.displayPartsToString(docOwner.getDocumentationComment(checker)),
      tags: docOwner.getJsDocTags(checker).map((t) => ({ name: t.name, text: ts.displayPartsToString(t.text) })),
      params: sig?.parameters.length ?? 0,
    };
  });
}

/** The `@example` blocks of an entry point's exports (code fences stripped). */
export function docExamples(entryFile: string): DocExample[] {
  return exportedDocs(entryFile).flatMap((d) =>
    d.tags
      .filter((t) => t.name === 'example')
      .map((t) => {
        const code = t.text.replace(/^\s*```\w*\n?/, '').replace(/\n?```\s*$/, '');
        const notRun = code.split('\n')[0].match(NOT_RUN)?.[1].trim();
        return notRun ? { name: d.name, code, notRun } : { name: d.name, code };
      }),
  );
}

/** `@scaling-lab/core` and each subpath of its `exports` map → the file URL of the built module. */
function entryUrls(coreDist: string): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(coreDist, '..', 'package.json'), 'utf8')) as { exports: Record<string, { import?: string } | string> };
  const urls = new Map<string, string>();
  for (const [sub, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.import;
    if (!file?.endsWith('.js')) continue;
    urls.set(sub === '.' ? '@scaling-lab/core' : `@scaling-lab/core/${sub.slice(2)}`, pathToFileURL(join(coreDist, '..', file)).href);
  }
  return urls;
}

const ARROW = /^(\s*)(.*?);?\s*\/\/ → (.+?)\s*$/;

/**
 * Rewrites `expr // → v` lines into checks and points the package's imports at `coreUrl`
 * (a URL string for the root only, or a map from specifier to URL); returns the program
 * text and the number of checks.
 */
export function instrument(code: string, coreUrl: string | ReadonlyMap<string, string>): { text: string; checks: number } {
  let checks = 0;
  const lines = code.split('\n').map((line, i) => {
    const m = line.match(ARROW);
    if (!m) return line;
    checks++;
    const [, indent, stmt, expected] = m;
    const decl = stmt.match(/^(const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(.*)$/);
    if (decl) return `${indent}${decl[1]} ${decl[2]} = ${decl[3]}; __expect(() => ${decl[2]}, ${JSON.stringify(expected)}, ${i + 1});`;
    // an awaited expression is checked once it settles, so a rejection counts as a throw
    if (/\bawait\b/.test(stmt)) return `${indent}await __expectAsync(async () => (${stmt}), ${JSON.stringify(expected)}, ${i + 1});`;
    return `${indent}__expect(() => (${stmt}), ${JSON.stringify(expected)}, ${i + 1});`;
  });
  const urls = typeof coreUrl === 'string' ? new Map([['@scaling-lab/core', coreUrl]]) : coreUrl;
  const text = lines.join('\n').replace(/from\s+(['"])(@scaling-lab\/core(?:\/[\w/-]+)?)\1/g, (_whole, _q, spec: string) => {
    const url = urls.get(spec);
    if (!url) throw new Error(`an example imports ${spec}, which the package does not export`);
    return `from ${JSON.stringify(url)}`;
  });
  return { text, checks };
}

// Runs in the child process: compares a value with the text after the arrow.
const EXPECT_SOURCE = `
async function __expectAsync(fn, expected, line) {
  const t = expected.match(/^throws\\s+(\\w+)/);
  if (t) {
    let e;
    try { await fn(); } catch (err) { e = err; }
    return __expect(() => { if (e === undefined) return undefined; throw e; }, expected, line);
  }
  const v = await fn();
  return __expect(() => v, expected, line);
}
function __expect(fn, expected, line) {
  const fail = (msg) => { throw new Error('line ' + line + ': ' + msg); };
  const t = expected.match(/^throws\\s+(\\w+)/);
  if (t) {
    try { fn(); } catch (e) { if (e && e.name === t[1] || (e && e.constructor && e.constructor.name === t[1])) return; fail('threw ' + (e && e.name) + ' (' + (e && e.message) + '), expected ' + t[1]); }
    fail('did not throw, expected ' + t[1]);
  }
  const v = fn();
  const q = expected.match(/^(['"])(.*)\\1$/);
  if (q) { if (v !== q[2]) fail('got ' + JSON.stringify(v) + ', expected ' + expected); return; }
  if (['true', 'false', 'null', 'undefined'].includes(expected)) { if (String(v) !== expected || typeof v === 'string') fail('got ' + String(v) + ', expected ' + expected); return; }
  const num = expected.replace(/_/g, '');
  if (/^-?\\d+(\\.\\d+)?(e[+-]?\\d+)?$/i.test(num)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail('got ' + String(v) + ', expected the number ' + expected);
    const digits = num.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').length || 1;
    if (Number(v.toPrecision(digits)) !== Number(Number(num).toPrecision(digits))) fail('got ' + v + ', expected ' + expected + ' (' + digits + ' significant digits)');
    return;
  }
  fail('cannot read the expected value "' + expected + '" (use a number, a quoted string, true/false/null/undefined or "throws Name")');
}
`;

/**
 * Compiles and runs each example; one outcome per example. An example marked `// not run:`
 * is compiled (so it must at least parse) but not run: its outcome is ok with `notRun` set.
 */
export function runExamples(examples: readonly DocExample[], coreDist: string): ExampleOutcome[] {
  // inside the package, so an example's other imports (`@tensorflow/tfjs`, `bullmq`) resolve as a user's would
  const dir = mkdtempSync(join(coreDist, '..', '.doc-examples-'));
  try {
    const urls = entryUrls(coreDist);
    const counts: number[] = [];
    examples.forEach((ex, i) => {
      const { text, checks } = instrument(ex.code, urls);
      counts.push(checks);
      const js = transformSync(text, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
      writeFileSync(join(dir, `example-${i}.mjs`), `${EXPECT_SOURCE}\n${js}`);
    });
    const skip = examples.map((ex) => ex.notRun !== undefined);
    // results go to a file: an example may print to stdout; exit at the end, as a model or
    // worker an example leaves behind may hold the event loop open
    const runner = `import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
const skip = ${JSON.stringify(skip)};
// load every entry point first, so an example's time is its own work, not the first import of TensorFlow.js
for (const url of ${JSON.stringify([...urls.values()])}) await import(url);
const out = [];
for (let i = 0; i < ${examples.length}; i++) {
  if (skip[i]) { out.push({ ok: true, ms: 0, cpuMs: 0 }); continue; }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const took = () => { const c = process.cpuUsage(c0); return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }; };
  try { await import('./example-' + i + '.mjs'); out.push({ ok: true, ...took() }); }
  catch (e) { out.push({ ok: false, ...took(), error: e && e.message ? e.message : String(e) }); }
}
writeFileSync(${JSON.stringify(join(dir, 'results.json'))}, JSON.stringify(out));
process.exit(0);`;
    writeFileSync(join(dir, 'run.mjs'), runner);
    const r = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`example runner failed: ${r.stderr}`);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { ok: boolean; ms: number; cpuMs: number; error?: string }[];
    return results.map((res, i) => ({ name: examples[i].name, checks: counts[i], ...res, ...(examples[i].notRun ? { notRun: examples[i].notRun } : {}) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Type-checks examples against the built package's declarations (`@scaling-lab/core` and
 * its subpaths resolve through the package's `exports`); one list of error messages per
 * example, empty when it checks. Used for the examples that are not run.
 */
export function typecheckExamples(examples: readonly DocExample[], coreDist: string): string[][] {
  const pkgDir = join(coreDist, '..');
  // a folder inside the package, so `@scaling-lab/core` resolves by the package's self-reference
  const dir = mkdtempSync(join(pkgDir, '.doc-examples-'));
  try {
    const files = examples.map((ex, i) => {
      const f = join(dir, `example-${i}.ts`);
      writeFileSync(f, `${ex.code}\nexport {};\n`);
      return f;
    });
    const program = ts.createProgram(files, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    });
    return files.map((f) => {
      const sf = program.getSourceFile(f)!;
      return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
        const line = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

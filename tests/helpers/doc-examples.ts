/**
 * The `@example`s of the public API, as runnable programs. Each example is a TypeScript
 * snippet that imports from `@scaling-lab/core`; a line ending in `// → value` asserts
 * what its expression (or the variable it declares) evaluates to:
 *   - a number is matched to the significant digits shown (`// → 3.15e23` accepts 3.1498e23);
 *   - `'text'` or `"text"` must equal the string; true / false / null / undefined are exact;
 *   - `// → throws InputError` (any class name) requires the expression to throw that error.
 * `runExamples` compiles every snippet with esbuild, points the import at the built package
 * (packages/core/dist) and runs them all in one Node process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';

export interface DocExample {
  /** The exported name whose doc comment holds the example. */
  name: string;
  code: string;
}

export interface ExampleOutcome {
  name: string;
  ok: boolean;
  error?: string;
  checks: number;
}

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
    d.tags.filter((t) => t.name === 'example').map((t) => ({ name: d.name, code: t.text.replace(/^\s*```\w*\n?/, '').replace(/\n?```\s*$/, '') })),
  );
}

const ARROW = /^(\s*)(.*?);?\s*\/\/ → (.+?)\s*$/;

/** Rewrites `expr // → v` lines into checks; returns the program text and the number of checks. */
export function instrument(code: string, coreUrl: string): { text: string; checks: number } {
  let checks = 0;
  const lines = code.split('\n').map((line, i) => {
    const m = line.match(ARROW);
    if (!m) return line;
    checks++;
    const [, indent, stmt, expected] = m;
    const decl = stmt.match(/^(const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(.*)$/);
    if (decl) return `${indent}${decl[1]} ${decl[2]} = ${decl[3]}; __expect(() => ${decl[2]}, ${JSON.stringify(expected)}, ${i + 1});`;
    return `${indent}__expect(() => (${stmt}), ${JSON.stringify(expected)}, ${i + 1});`;
  });
  const text = lines.join('\n').replace(/from\s+['"]@scaling-lab\/core['"]/g, `from ${JSON.stringify(coreUrl)}`);
  return { text, checks };
}

// Runs in the child process: compares a value with the text after the arrow.
const EXPECT_SOURCE = `
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

/** Compiles and runs each example; one outcome per example. */
export function runExamples(examples: readonly DocExample[], coreDist: string): ExampleOutcome[] {
  const dir = mkdtempSync(join(tmpdir(), 'doc-examples-'));
  try {
    const coreUrl = pathToFileURL(join(coreDist, 'index.js')).href;
    const counts: number[] = [];
    examples.forEach((ex, i) => {
      const { text, checks } = instrument(ex.code, coreUrl);
      counts.push(checks);
      const js = transformSync(text, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
      writeFileSync(join(dir, `example-${i}.mjs`), `${EXPECT_SOURCE}\n${js}`);
    });
    // results go to a file: an example may print to stdout
    const runner = `import { writeFileSync } from 'node:fs';
const out = [];
for (let i = 0; i < ${examples.length}; i++) {
  try { await import('./example-' + i + '.mjs'); out.push({ ok: true }); }
  catch (e) { out.push({ ok: false, error: e && e.message ? e.message : String(e) }); }
}
writeFileSync(${JSON.stringify(join(dir, 'results.json'))}, JSON.stringify(out));`;
    writeFileSync(join(dir, 'run.mjs'), runner);
    const r = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`example runner failed: ${r.stderr}`);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { ok: boolean; error?: string }[];
    return results.map((res, i) => ({ name: examples[i].name, checks: counts[i], ...res }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
